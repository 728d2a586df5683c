-- wrk's script for the benchmark's saturation runs:
--   wrk -s bench/load/wrk.lua [-H 'name: value' ...] <url> -- <method> [body]
-- Each thread counts its answers by status, 2xx bodies that carry GraphQL
-- errors, and stale answers; done() prints one `wrk-result {json}` line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = args[1]
  if args[2] ~= nil and args[2] ~= "" then wrk.body = args[2] end
  statuses = {}
  graphqlErrors = 0
  stale = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 200 and status < 300 and body:find('"errors"', 1, true) then graphqlErrors = graphqlErrors + 1 end
  if headers["x-cache"] == "STALE" then stale = stale + 1 end
end

function done(summary, latency, requests)
  local byStatus, counts, totals = {}, {}, { graphqlErrors = 0, stale = 0 }
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do byStatus[status] = (byStatus[status] or 0) + count end
    totals.graphqlErrors = totals.graphqlErrors + thread:get("graphqlErrors")
    totals.stale = totals.stale + thread:get("stale")
  end
  for status, count in pairs(byStatus) do table.insert(counts, string.format('"%d":%d', status, count)) end
  local errors = summary.errors
  io.write(string.format(
    'wrk-result {"requests":%d,"durationUs":%d,"transportErrors":%d,"graphqlErrors":%d,"stale":%d,"statuses":{%s},"p50Us":%d,"p99Us":%d,"p999Us":%d}\n',
    summary.requests, summary.duration, errors.connect + errors.read + errors.write + errors.timeout,
    totals.graphqlErrors, totals.stale, table.concat(counts, ","),
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
