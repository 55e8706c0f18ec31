-- POST a url-encoded form (WRK_BODY) plus a form_id that is new for every request, as a
-- browser gets a new one with every form it loads (the app refuses a form sent twice).
-- WRK_NONCE keeps the ids of one run apart from every other run against the same server.
local cookie = os.getenv("WRK_COOKIE")
local body = os.getenv("WRK_BODY")
local nonce = os.getenv("WRK_NONCE") or "wrk"
local threads = 0
local n = 0
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
if cookie and cookie ~= "" then
  headers["Cookie"] = cookie
end

-- Runs in the main Lua state: each thread gets its number as the global `thread_id`.
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

request = function()
  n = n + 1
  local form_id = string.format("%s%03d%012d", nonce, thread_id or 0, n)
  return wrk.format("POST", nil, headers, body .. "&form_id=" .. form_id)
end
