-- wrk script: POST /api/v1/tickets with a unique requester per request.
-- Every 20th ticket is assigned to the benchmark user, so "my open" has work in it.
-- Env: BENCH_TOKEN (bearer), BENCH_ASSIGNEE (user id), BENCH_TEAM (team id: every ticket goes to
-- that team and none is assigned, for routing).
local token = os.getenv("BENCH_TOKEN")
local assignee = os.getenv("BENCH_ASSIGNEE") or "1"
local team = os.getenv("BENCH_TEAM")
local words = {"invoice", "refund", "delivery", "password", "login", "printer", "payment", "router", "upgrade",
  "płatność", "доставка", "оплата", "σφάλμα", "παραγγελία", "рахунок", "zwrot", "account", "crash", "latency", "export"}
local thread_counter = 0
local threads = {}

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("tid", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  math.randomseed(tid * 7919)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  n = n + 1
  local w1 = words[math.random(#words)]
  local w2 = words[math.random(#words)]
  local uniq = tid .. "-" .. n .. "-" .. math.random(1000000000)
  local assign = ""
  if team then
    assign = ', "team_id": ' .. team
  elseif n % 20 == 0 then
    assign = ', "assignee_id": ' .. assignee
  end
  local body = '{"subject": "Problem with ' .. w1 .. ' ' .. uniq .. '", "requester": {"email": "c' .. uniq ..
    '@bench.example", "name": "Customer ' .. uniq .. '"}, "body": "Hello, my ' .. w1 .. ' and ' .. w2 ..
    ' do not work since yesterday. Order ' .. uniq .. '.", "priority": "normal", "tags": ["' .. w2 .. '"]' .. assign .. '}'
  return wrk.format("POST", "/api/v1/tickets", nil, body)
end

done = function(summary, latency, requests)
  local non2xx = 0
  io.write(string.format("BENCH_RESULT requests=%d duration_s=%.2f errors_status=%d errors_socket=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
