-- GET each path of WRK_PATHS (comma-separated) in turn, with the Cookie from WRK_COOKIE.
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "", "[^,]+") do
  table.insert(paths, path)
end
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
