import Foundation

/// SLA clocks written straight into the JSON sink, keys sorted: the same text their `Encodable`
/// conformances give (the encoder tests compare), without the generic containers. Every ticket
/// written and every SLA round or re-time writes them, and the generic path was most of that.
extension TicketSLA {
    func writeJSON(to sink: JSONSink) throws {
        sink.raw("{\"clocks\":[")
        for (i, clock) in clocks.enumerated() {
            if i > 0 { sink.raw(",") }
            try clock.writeJSON(to: sink)
        }
        sink.raw("],\"due_at\":")
        sink.date(orNull: dueAt)
        sink.raw(",\"policy_id\":")
        sink.integer(policyId)
        sink.raw("}")
    }
}

extension SLAClock {
    func writeJSON(to sink: JSONSink) throws {
        sink.raw("{\"breached_at\":")
        sink.date(orNull: breachedAt)
        sink.raw(",\"due_at\":")
        sink.date(orNull: dueAt)
        sink.raw(",\"escalated\":[")
        for (i, key) in escalated.enumerated() {
            if i > 0 { sink.raw(",") }
            sink.integer(key)
        }
        sink.raw("],\"fulfilled_at\":")
        sink.date(orNull: fulfilledAt)
        sink.raw(",\"metric\":")
        sink.string(metric.rawValue)
        sink.raw(",\"paused_at\":")
        sink.date(orNull: pausedAt)
        sink.raw(",\"paused_seconds\":")
        try sink.number(pausedSeconds)
        sink.raw(",\"stage\":")
        sink.string(stage.rawValue)
        sink.raw(",\"started_at\":")
        sink.date(startedAt)
        sink.raw(",\"target_minutes\":")
        sink.integer(targetMinutes)
        sink.raw("}")
    }
}

extension JSONSink {
    /// Appends JSON text as it is.
    func raw(_ text: StaticString) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    func date(orNull date: Date?) {
        if let date { self.date(date) } else { null() }
    }
}

/// SLA clocks read back from their stored text (times as seconds since 2001, as the writer's
/// sink stores them) field by field: every ticket read has them, and the generic JSON value
/// was a fifth of re-timing every open ticket.
extension TicketSLA {
    public init(storedJSON text: String) throws {
        var reader = JSONParser.reader(text)
        var policyId: Int64?
        var clocks: [SLAClock]?
        try reader.readObject { reader, key in
            switch key {
            case "policy_id": policyId = try reader.readNumber().map { Int64($0) }
            case "clocks":
                var list: [SLAClock] = []
                try reader.readArray { reader in list.append(try SLAClock(reading: &reader)) }
                clocks = list
            default: try reader.skipValue()  // due_at: derived
            }
        }
        try reader.end()
        guard let policyId, let clocks else { throw JSONParser.Failure(offset: 0, reason: "an SLA without policy_id or clocks") }
        self.init(policyId: policyId, clocks: clocks)
    }
}

extension SLAClock {
    init(reading reader: inout JSONParser) throws {
        var metric: SLAMetric?
        var target: Double?
        var started: Double?
        var clock = SLAClock(metric: .firstResponse, targetMinutes: 0, startedAt: Date(timeIntervalSinceReferenceDate: 0))
        func date(_ reader: inout JSONParser) throws -> Date? { try reader.readNumber().map(Date.init(timeIntervalSinceReferenceDate:)) }
        try reader.readObject { reader, key in
            switch key {
            case "metric": metric = try reader.readString().flatMap(SLAMetric.init(rawValue:))
            case "target_minutes": target = try reader.readNumber()
            case "started_at": started = try reader.readNumber()
            case "paused_seconds": clock.pausedSeconds = try reader.readNumber() ?? 0
            case "paused_at": clock.pausedAt = try date(&reader)
            case "due_at": clock.dueAt = try date(&reader)
            case "fulfilled_at": clock.fulfilledAt = try date(&reader)
            case "breached_at": clock.breachedAt = try date(&reader)
            case "escalated":
                try reader.readArray { reader in
                    guard let n = try reader.readNumber() else { throw JSONParser.Failure(offset: 0, reason: "null in escalated") }
                    clock.escalated.append(Int(n))
                }
            default: try reader.skipValue()  // stage: derived
            }
        }
        guard let metric, let target, let started else { throw JSONParser.Failure(offset: 0, reason: "an SLA clock without metric, target or start") }
        clock.metric = metric
        clock.targetMinutes = Int(target)
        clock.startedAt = Date(timeIntervalSinceReferenceDate: started)
        self = clock
    }
}
