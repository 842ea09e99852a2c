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
