-- wrk script: PATCH /api/v1/tickets/{id} on tickets BENCH_FIRST..BENCH_LAST in turn, changing
-- the priority and a tag (no version, so no conflicts). Each update also takes the tag
-- "escalated_high" off, which `triggers.py`'s acting trigger puts back when the priority changes
-- to high: so every firing changes the ticket. Env: BENCH_TOKEN, BENCH_FIRST, BENCH_LAST.
local token = os.getenv("BENCH_TOKEN")
local first = tonumber(os.getenv("BENCH_FIRST"))
local last = tonumber(os.getenv("BENCH_LAST"))
local priorities = {"low", "normal", "high"}
local counter = 0
local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("tid", thread_counter)
end

function init(args)
  n = 0
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  n = n + 1
  local id = first + ((n * 7 + tid * 131) % (last - first + 1))
  local body = '{"priority": "' .. priorities[(n % 3) + 1] .. '", "add_tags": ["touched' .. (n % 5) .. '"], "remove_tags": ["escalated_high"]}'
  return wrk.format("PATCH", "/api/v1/tickets/" .. id, nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("BENCH_RESULT requests=%d duration_s=%.2f errors_status=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
