-- Puts a dead-lettered job back on the queue with a fresh delivery budget. ARGV: prefix, group, jobId, now
local jobId, now = ARGV[3], ARGV[4]
local jk = jobKey(jobId)
local deadEntry = redis.call('HGET', jk, 'deadEntry')
if redis.call('HGET', jk, 'state') ~= 'failed' or not deadEntry or deadEntry == '' then
  return 0
end
redis.call('XDEL', p .. 'dead', deadEntry)
redis.call('PERSIST', jk)
local dedupe = redis.call('HGET', jk, 'dedupe')
if dedupe and dedupe ~= '' then
  redis.call('SET', p .. 'dedupe:' .. dedupe, jobId, 'NX')
end
redis.call('INCR', p .. 'owner:' .. redis.call('HGET', jk, 'owner'))
redis.call('INCR', p .. 'active')
local entry = redis.call('XADD', stream, '*', 'job', jobId)
redis.call('HSET', jk, 'state', 'queued', 'deliveries', 0, 'errorCode', '', 'errorMessage', '', 'deadEntry', '',
  'entry', entry, 'updated', now)
return 1
