-- Moves retries whose backoff is over back onto the stream. ARGV: prefix, group, now, limit
local due = redis.call('ZRANGEBYSCORE', p .. 'delayed', '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[4]))
for _, jobId in ipairs(due) do
  redis.call('ZREM', p .. 'delayed', jobId)
  local jk = jobKey(jobId)
  if redis.call('HGET', jk, 'state') == 'queued' and redis.call('HGET', jk, 'entry') == '' then
    local entry = redis.call('XADD', stream, '*', 'job', jobId)
    redis.call('HSET', jk, 'entry', entry)
  end
end
return #due
