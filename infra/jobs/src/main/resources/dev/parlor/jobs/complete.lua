-- Stores the outputs and the result, only under the current fence. ARGV: prefix, group, jobId, entry, fence, now,
-- retention, result, then output key/value pairs
local jobId, entry, fence, now, retention, result = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local jk = jobKey(jobId)
if not holds(jk, fence) then
  return 'fenced'
end
for i = 9, #ARGV, 2 do
  redis.call('SET', ARGV[i], ARGV[i + 1])
end
redis.call('HSET', jk, 'result', result)
finish(jk, 'done', now, retention)
dropEntry(entry)
redis.call('INCR', p .. 'stats:done')
return 'ok'
