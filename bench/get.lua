-- wrk script: GET one path with a bearer token or a session cookie.
-- Env: BENCH_TOKEN, BENCH_PATH, and optionally BENCH_COOKIE and BENCH_ACCEPT.
local token = os.getenv("BENCH_TOKEN") or ""
local path = os.getenv("BENCH_PATH")
local cookie = os.getenv("BENCH_COOKIE") or ""
local accept = os.getenv("BENCH_ACCEPT") or ""
function init(args)
  if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
  if accept ~= "" then wrk.headers["Accept"] = accept end
end
request = function() return wrk.format("GET", path) end
done = function(summary, latency, requests)
  io.write(string.format("BENCH_RESULT requests=%d duration_s=%.2f errors_status=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
