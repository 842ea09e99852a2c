import Foundation
import SwitchboardCore

/// SLA state as agents see it: a countdown in the ticket list and one line per target in the
/// ticket header. The script keeps countdowns current with the same wording (the templates
/// ride along as data attributes).
enum SLAView {
    /// "42 min", "3 h 5 min", "2 d 4 h".
    static func duration(_ seconds: TimeInterval, _ l: Localizer) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return l.text("sla.minutes", ["m": String(minutes)]) }
        if minutes < 24 * 60 { return l.text("sla.hours", ["h": String(minutes / 60), "m": String(minutes % 60)]) }
        return l.text("sla.days", ["d": String(minutes / 1440), "h": String(minutes % 1440 / 60)])
    }

    /// "in 42 min" or "42 min overdue".
    static func countdown(_ due: Date, now: Date, _ l: Localizer) -> String {
        due > now
            ? l.text("sla.due_in", ["time": duration(due.timeIntervalSince(now), l)])
            : l.text("sla.overdue", ["time": duration(now.timeIntervalSince(due), l)])
    }

    /// late, soon (within the hour) or ok: the countdown's colour.
    static func urgency(_ due: Date, now: Date) -> String {
        due <= now ? "sla-late" : due.timeIntervalSince(now) <= 3600 ? "sla-soon" : "sla-ok"
    }

    /// The templates the script needs to write countdowns in the page's language (once a page).
    static func words(_ h: HTMLWriter) {
        h.tag("span", [
            "id": "sla-words", "hidden": "", "data-in": h.l.text("sla.due_in"), "data-over": h.l.text("sla.overdue"),
            "data-m": h.l.text("sla.minutes"), "data-h": h.l.text("sla.hours"), "data-d": h.l.text("sla.days"),
        ])
    }

    /// A live countdown to `due`.
    static func countdownTag(_ h: HTMLWriter, _ due: Date, now: Date) {
        h.tag("span", ["class": "sla \(urgency(due, now: now))", "data-due": RFC3339.string(due)]) { h.text(countdown(due, now: now, h.l)) }
    }

    /// The ticket list's SLA cell: the next due time, or nothing.
    static func cell(_ h: HTMLWriter, _ sla: TicketSLA?, now: Date) {
        if let due = sla?.dueAt {
            countdownTag(h, due, now: now)
        } else if let sla, sla.clocks.contains(where: { $0.stage == .paused }) {
            h.tag("span", ["class": "sla sla-paused"]) { h.t("sla.paused") }
        }
    }

    /// The ticket header's lines: each target with its state.
    static func header(_ h: HTMLWriter, _ t: Ticket, now: Date, timeZone: TimeZone) {
        guard t.sla != nil || t.escalationLevel > 0 else { return }
        words(h)
        h.tag("ul", ["class": "sla-clocks", "aria-label": h.l.text("sla.title")]) {
            for clock in t.sla?.clocks ?? [] {
                h.tag("li") {
                    h.tag("span", ["class": "metric"]) { h.t("sla.metric." + clock.metric.rawValue) }
                    h.text(" ")
                    switch clock.stage {
                    case .active:
                        if let due = clock.dueAt {
                            countdownTag(h, due, now: now)
                            h.text(" ")
                            h.tag("time", ["datetime": RFC3339.string(due)]) { h.text(h.l.dateTime(due, timeZone: timeZone)) }
                        }
                    case .paused:
                        h.tag("span", ["class": "sla sla-paused"]) { h.t("sla.paused") }
                    case .fulfilled:
                        let missed = clock.breachedAt != nil
                        h.tag("span", ["class": missed ? "sla sla-late" : "sla sla-met"]) { h.t(missed ? "sla.missed" : "sla.met") }
                    }
                }
            }
            if t.escalationLevel > 0 {
                h.tag("li", ["class": "tier"]) { h.t("sla.tier_\(t.escalationLevel)") }
            }
        }
    }
}
