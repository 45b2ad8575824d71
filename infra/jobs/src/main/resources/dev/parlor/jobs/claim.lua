-- Starts one delivery of a stream entry. ARGV: prefix, group, jobId, entry, consumer, now, maxDeliveries, retention
local jobId, entry, consumer, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local jk = jobKey(jobId)
if redis.call('EXISTS', jk) == 0 then
  dropEntry(entry)
  return {'gone'}
end
local state = redis.call('HGET', jk, 'state')
if state == 'done' or state == 'failed' or redis.call('HGET', jk, 'entry') ~= entry then
  -- finished, or superseded by a release or a retry: this entry is stale
  dropEntry(entry)
  return {'stale'}
end
local deliveries = redis.call('HINCRBY', jk, 'deliveries', 1)
if deliveries > tonumber(ARGV[7]) then
  deadLetter(jk, jobId, 'poisoned', 'delivered ' .. (deliveries - 1) .. ' times without an outcome', now, ARGV[8])
  dropEntry(entry)
  return {'dead'}
end
local fence = redis.call('HINCRBY', jk, 'fence', 1)
redis.call('HSET', jk, 'state', 'running', 'consumer', consumer, 'updated', now)
return {'run', tostring(fence), tostring(deliveries), redis.call('HGET', jk, 'payload'), redis.call('HGET', jk, 'owner')}
