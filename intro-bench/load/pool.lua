-- wrk script: round-robin over a pool of users, one pre-formatted request per user.
-- usage: wrk ... -s pool.lua URL -- TOKENS_FILE PATH_PREFIX
--   TOKENS_FILE  lines "user token" (MintTokens); each request sends Authorization: Bearer token
--   PATH_PREFIX  e.g. /api/v1/intro-page/ (the page), /bench/bare/ (the same service's bare baseline)
--                or /bare/ (BareJerseyServer); the user is appended
-- Both the service and the bare baseline get the same requests, so wrk's own cost is the same.
-- It defines no response(): with one, wrk parses every response's headers into Lua, which costs
-- more for a page than for a bare response on the cores it shares with the service. run.sh counts
-- degraded pages from the service's own metrics instead.
local requests = {}
local n = 0
local i = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local user, token = line:match("^(%S+)%s+(%S+)$")
    if user then
      n = n + 1
      requests[n] = wrk.format("GET", args[2] .. user, { ["Authorization"] = "Bearer " .. token })
    end
  end
  file:close()
  assert(n > 0, "no 'user token' lines in " .. args[1])
  -- Threads start at different users.
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return requests[i]
end
