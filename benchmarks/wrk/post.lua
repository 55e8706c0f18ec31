-- POST the same url-encoded form (WRK_BODY) every time, with the Cookie from WRK_COOKIE.
-- wrk never follows redirects: a 303 is the answer that is timed.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
