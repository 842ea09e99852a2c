-- wrk script: GET one path with a bearer token. Env: BENCH_TOKEN, BENCH_PATH.
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH")
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. token
end
request = function() return wrk.format("GET", path) end
done = function(summary, latency, requests)
  io.write(string.format("BENCH_RESULT requests=%d duration_s=%.2f errors_status=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
