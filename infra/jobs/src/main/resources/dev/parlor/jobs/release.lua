-- Gives a running job back at once (graceful shutdown): the delivery does not count, the old fence dies.
-- ARGV: prefix, group, jobId, entry, fence, now
local jobId, entry, fence, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local jk = jobKey(jobId)
if not holds(jk, fence) then
  return 0
end
dropEntry(entry)
local fresh = redis.call('XADD', stream, '*', 'job', jobId)
redis.call('HINCRBY', jk, 'deliveries', -1)
redis.call('HINCRBY', jk, 'fence', 1)
redis.call('HSET', jk, 'state', 'queued', 'entry', fresh, 'updated', now)
return 1
