-- A failed attempt. ARGV: prefix, group, jobId, entry, fence, now, retention, code, message, permanent (1/0),
-- retryAt (ms), maxDeliveries
local jobId, entry, fence, now, retention = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local code, message = ARGV[8], ARGV[9]
local jk = jobKey(jobId)
if not holds(jk, fence) then
  return 'fenced'
end
local deliveries = tonumber(redis.call('HGET', jk, 'deliveries'))
if ARGV[10] == '1' or deliveries >= tonumber(ARGV[12]) then
  deadLetter(jk, jobId, code, message, now, retention)
  dropEntry(entry)
  return 'dead'
end
redis.call('HSET', jk, 'state', 'queued', 'entry', '', 'lastError', code .. ': ' .. message, 'updated', now)
redis.call('ZADD', p .. 'delayed', ARGV[11], jobId)
redis.call('INCR', p .. 'stats:retries')
dropEntry(entry)
return 'retry'
