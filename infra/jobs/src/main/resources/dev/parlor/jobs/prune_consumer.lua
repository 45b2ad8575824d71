-- Deletes a consumer only if it still holds nothing and is still idle. ARGV: prefix, group, consumer, idleMs
for _, info in ipairs(redis.call('XINFO', 'CONSUMERS', stream, group)) do
  local fields = {}
  for i = 1, #info, 2 do
    fields[info[i]] = info[i + 1]
  end
  if fields['name'] == ARGV[3] then
    if tonumber(fields['pending']) == 0 and tonumber(fields['idle']) > tonumber(ARGV[4]) then
      redis.call('XGROUP', 'DELCONSUMER', stream, group, ARGV[3])
      return 1
    end
    return 0
  end
end
return 0
