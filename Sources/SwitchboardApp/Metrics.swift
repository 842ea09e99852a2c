import Foundation
import SwitchboardStore
import Vapor

/// Request counts and latency histograms by route, in Prometheus text format, with the store's
/// counts (tickets created, lockless writes) and the outbox consumers' lag.
actor Metrics {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Series: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private var requests: [Series: Int] = [:]
    private var latency: [String: Histogram] = [:]

    func observe(method: String, route: String, status: Int, seconds: Double) {
        requests[Series(method: method, route: route, status: status), default: 0] += 1
        let key = method + " " + route
        var h = latency[key] ?? Histogram()
        for (i, bound) in Metrics.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
        h.sum += seconds
        h.total += 1
        latency[key] = h
    }

    /// `lockless`: the writer's lockless batches (see `Store.locklessWrites`).
    /// `lag`: how far each outbox consumer is behind (see `ReadContext.consumerLag`), when the
    /// database answered.
    func render(
        ticketsCreated: Int, lockless: (committed: Int, ranAgain: Int), lag: [(name: String, position: Int64, behind: Int64)]?
    ) -> String {
        var out = "# HELP switchboard_http_requests_total HTTP requests by route and status.\n"
        out += "# TYPE switchboard_http_requests_total counter\n"
        for (s, n) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out += "switchboard_http_requests_total{method=\"\(s.method)\",route=\"\(escape(s.route))\",status=\"\(s.status)\"} \(n)\n"
        }
        out += "# HELP switchboard_http_request_duration_seconds Request latency by route.\n"
        out += "# TYPE switchboard_http_request_duration_seconds histogram\n"
        for (key, h) in latency.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            let labels = "method=\"\(parts[0])\",route=\"\(escape(parts.count > 1 ? parts[1] : ""))\""
            for (i, bound) in Metrics.buckets.enumerated() {
                out += "switchboard_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(h.counts[i])\n"
            }
            out += "switchboard_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(h.total)\n"
            out += "switchboard_http_request_duration_seconds_sum{\(labels)} \(h.sum)\n"
            out += "switchboard_http_request_duration_seconds_count{\(labels)} \(h.total)\n"
        }
        out += "# HELP switchboard_tickets_created_total Tickets this instance created since it started, however they came.\n"
        out += "# TYPE switchboard_tickets_created_total counter\n"
        out += "switchboard_tickets_created_total \(ticketsCreated)\n"
        out += "# HELP switchboard_writer_lockless_batches_total Write batches committed without the lock (PostgreSQL).\n"
        out += "# TYPE switchboard_writer_lockless_batches_total counter\n"
        out += "switchboard_writer_lockless_batches_total \(lockless.committed)\n"
        out += "# HELP switchboard_writer_lockless_ran_again_total Lockless batches that ran again under the lock: "
        out += "another instance wrote first, or a write broke a key.\n"
        out += "# TYPE switchboard_writer_lockless_ran_again_total counter\n"
        out += "switchboard_writer_lockless_ran_again_total \(lockless.ranAgain)\n"
        if let lag {
            out += "# HELP switchboard_outbox_consumer_lag Events of the outbox a consumer has yet to take (at most).\n"
            out += "# TYPE switchboard_outbox_consumer_lag gauge\n"
            for (name, _, behind) in lag { out += "switchboard_outbox_consumer_lag{consumer=\"\(escape(name))\"} \(behind)\n" }
        }
        return out
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

/// Times every request and counts it under its route pattern (not the raw path, which would
/// make one series per ticket id).
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            response = ProblemMiddleware.response(for: error, request: request)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        await request.application.metrics.observe(
            method: request.method.rawValue, route: route, status: Int(response.status.code), seconds: seconds)
        return response
    }
}

/// `/healthz`, `/metrics`, `/api/v1/openapi.json`.
enum Operations {
    @Sendable static func health(_ req: Request) async throws -> Response {
        do {
            try await req.store.ping()
            return try respond(["status": "ok", "database": "ok"])
        } catch {
            req.logger.error("health check: database unreachable: \(String(reflecting: error))")
            return try respond(["status": "failing", "database": "unreachable"], status: .serviceUnavailable)
        }
    }

    @Sendable static func metrics(_ req: Request) async throws -> Response {
        let lag = try? await req.store.read { try await $0.consumerLag() }
        let text = await req.application.metrics.render(ticketsCreated: req.store.ticketsCreated, lockless: req.store.locklessWrites, lag: lag)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return response
    }

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }
}
