-- GET the URL given to wrk, with the Cookie header from WRK_COOKIE when set.
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
