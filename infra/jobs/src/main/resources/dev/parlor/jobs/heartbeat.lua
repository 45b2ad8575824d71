-- Keeps a lease: resets the entry's idle time so XAUTOCLAIM leaves it alone. ARGV: prefix, group, jobId, entry,
-- consumer, fence
local jk = jobKey(ARGV[3])
if not holds(jk, ARGV[6]) then
  return 0
end
redis.call('XCLAIM', stream, group, ARGV[5], 0, ARGV[4], 'JUSTID')
return 1
