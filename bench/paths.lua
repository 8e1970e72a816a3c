-- wrk script: each connection's requests rotate through the paths listed one per line in the file given
-- after `--` (one path = always the same URL). Each thread starts at a different place in the list.
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. args[1])
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  next_index = math.random(#paths)
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
