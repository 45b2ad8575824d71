-- Shared by every queue script (prepended). ARGV[1] is always the key prefix jobs:<type>:, ARGV[2] the group.
local p = ARGV[1]
local group = ARGV[2]
local stream = p .. 'stream'

local function jobKey(jobId)
  return p .. 'job:' .. jobId
end

-- Removes a stream entry for good: acknowledged and deleted, so XLEN counts only live work.
local function dropEntry(entry)
  if entry and entry ~= '' then
    redis.call('XACK', stream, group, entry)
    redis.call('XDEL', stream, entry)
  end
end

-- A job leaves the active counters, frees its dedupe key, and its record expires after the retention.
local function finish(jk, state, now, retention)
  redis.call('HSET', jk, 'state', state, 'updated', now, 'entry', '')
  local owner = redis.call('HGET', jk, 'owner')
  redis.call('DECR', p .. 'owner:' .. owner)
  redis.call('DECR', p .. 'active')
  redis.call('EXPIRE', jk, retention)
  -- Dedupe covers unfinished jobs only: the same input sent again later is a new job (and a new announcement).
  local dedupe = redis.call('HGET', jk, 'dedupe')
  local jobId = redis.call('HGET', jk, 'id')
  if dedupe and dedupe ~= '' and redis.call('GET', p .. 'dedupe:' .. dedupe) == jobId then
    redis.call('DEL', p .. 'dedupe:' .. dedupe)
  end
end

local function deadLetter(jk, jobId, code, message, now, retention)
  redis.call('HSET', jk, 'errorCode', code, 'errorMessage', message)
  finish(jk, 'failed', now, retention)
  local deliveries = redis.call('HGET', jk, 'deliveries')
  local dead = redis.call('XADD', p .. 'dead', '*', 'job', jobId, 'code', code, 'message', message,
    'deliveries', deliveries, 'at', now)
  redis.call('HSET', jk, 'deadEntry', dead)
  redis.call('INCR', p .. 'stats:dead')
end

-- True when the caller still holds the job's lease: the job runs under exactly this fence.
local function holds(jk, fence)
  return redis.call('HGET', jk, 'state') == 'running' and redis.call('HGET', jk, 'fence') == fence
end
