-- POST /api/touchpoints with a new customer and event per request (each thread its own range).
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end
function request()
  counter = counter + 1
  local body = string.format('{ "customerId": "L%d-%d", "eventId": "E%d", "occurredAt": "2026-03-14T10:00:00+01:00", "channel": "phone", "team": "Billing" }',
    thread_id, counter, counter)
  return wrk.format("POST", "/api/touchpoints", { ["Content-Type"] = "application/json", ["X-Api-Key"] = "survey-dev-key" }, body)
end
