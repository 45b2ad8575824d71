-- ARGV: prefix, group, jobId, dedupeKey ('' for none), owner, payload, now, maxPerOwner, maxActive
local jobId, dk, owner, payload, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
if dk ~= '' then
  local existing = redis.call('GET', p .. 'dedupe:' .. dk)
  local state = existing and redis.call('HGET', jobKey(existing), 'state')
  if state == 'queued' or state == 'running' then
    return {'duplicate', existing}
  end
end
local maxOwner, maxActive = tonumber(ARGV[8]), tonumber(ARGV[9])
if maxOwner > 0 and tonumber(redis.call('GET', p .. 'owner:' .. owner) or '0') >= maxOwner then
  return {'owner_busy', ''}
end
if maxActive > 0 and tonumber(redis.call('GET', p .. 'active') or '0') >= maxActive then
  return {'queue_full', ''}
end
local jk = jobKey(jobId)
local entry = redis.call('XADD', stream, '*', 'job', jobId)
redis.call('HSET', jk, 'id', jobId, 'state', 'queued', 'owner', owner, 'payload', payload, 'dedupe', dk,
  'deliveries', 0, 'fence', 0, 'created', now, 'updated', now, 'entry', entry)
if dk ~= '' then
  redis.call('SET', p .. 'dedupe:' .. dk, jobId)
end
redis.call('INCR', p .. 'owner:' .. owner)
redis.call('INCR', p .. 'active')
return {'created', jobId}
