-- wrk script: round-robin over a pool of users, one pre-formatted request per user.
-- usage: wrk ... -s pool.lua URL -- TOKENS_FILE PATH_PREFIX
--   TOKENS_FILE  lines "user token" (MintTokens); each request sends Authorization: Bearer token
--   PATH_PREFIX  e.g. /api/v1/intro-page/ (the page), /bench/bare/ (the same service's bare baseline)
--                or /bare/ (BareJerseyServer); the user is appended
-- Both the service and the bare baseline get the same requests, so wrk's own cost is the same.
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

-- Pages whose Server-Timing names a section that is not FRESH, CACHED or STALE are degraded: cheaper
-- than whole pages, so run.sh reports them and refuses a throughput figure made of them.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

complete = 0
degraded = 0
untimed = 0
function response(status, headers, body)
  local timing = headers["Server-Timing"]
  if timing == nil then
    untimed = untimed + 1
    return
  end
  for s in timing:gmatch('desc="([%u_]+)"') do
    if s ~= "FRESH" and s ~= "CACHED" and s ~= "STALE" then
      degraded = degraded + 1
      return
    end
  end
  complete = complete + 1
end

function done(summary, latency, requests)
  local c, d, u = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("complete")
    d = d + t:get("degraded")
    u = u + t:get("untimed")
  end
  io.write(string.format("Pages: complete %d, degraded %d, without Server-Timing %d\n", c, d, u))
end
