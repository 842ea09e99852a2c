import Foundation
import SQLKit
import SwitchboardCore

extension ReadContext {
    /// Every business-hours calendar, by name.
    public func businessHours() async throws -> [BusinessHours] {
        try await sql.raw("SELECT * FROM business_calendars ORDER BY name, id").all().map(Self.businessHours(row:))
    }

    /// One business-hours calendar.
    public func businessHours(id: Int64) async throws -> BusinessHours? {
        try await sql.raw("SELECT * FROM business_calendars WHERE id = \(bind: id)").first().map(Self.businessHours(row:))
    }

    /// The calendars by id, as SLA clocks use them.
    public func businessCalendars() async throws -> [Int64: BusinessCalendar] {
        Dictionary(uniqueKeysWithValues: try await businessHours().map { ($0.id, $0.calendar) })
    }

    private static func businessHours(row: any SQLRow) throws -> BusinessHours {
        let id = try row.decode(column: "id", as: Int64.self)
        do {
            let calendar = try BusinessCalendar(
                timeZone: try row.decode(column: "time_zone", as: String.self),
                week: try decodeJSON([[BusinessCalendar.Interval]].self, try row.decode(column: "week", as: String.self)),
                holidays: Set(try decodeJSONList([String].self, try row.decode(column: "holidays", as: String.self))))
            return BusinessHours(id: id, name: try row.decode(column: "name", as: String.self), calendar: calendar)
        } catch is DomainError {
            throw StoreError.corrupt("business calendar \(id)")
        }
    }

    /// Every SLA policy, in the order they are tried.
    public func slaPolicies() async throws -> [SLAPolicy] {
        try await sql.raw("SELECT * FROM sla_policies ORDER BY position, id").all().map(Self.slaPolicy(row:))
    }

    /// One SLA policy.
    public func slaPolicy(id: Int64) async throws -> SLAPolicy? {
        try await sql.raw("SELECT * FROM sla_policies WHERE id = \(bind: id)").first().map(Self.slaPolicy(row:))
    }

    private static func slaPolicy(row: any SQLRow) throws -> SLAPolicy {
        SLAPolicy(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
            position: Int(try row.decode(column: "position", as: Int64.self)), active: try row.decode(column: "active", as: Int64.self) != 0,
            calendarId: try row.decode(column: "calendar_id", as: Int64?.self),
            conditions: try decodeJSON(SLAConditions.self, try row.decode(column: "conditions", as: String.self)),
            targets: try decodeJSON(SLATargets.self, try row.decode(column: "targets", as: String.self)),
            pauseOn: try decodeJSONList([TicketStatus].self, try row.decode(column: "pause_on", as: String.self)),
            escalations: try decodeJSONList([SLAEscalation].self, try row.decode(column: "escalations", as: String.self)))
    }

    /// The tiers of some organizations.
    func organizationTiers(_ ids: [Int64]) async throws -> [Int64: OrganizationTier] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: OrganizationTier] = [:]
        for row in try await sql.raw("SELECT id, tier FROM organizations WHERE id IN (\(binds: Array(Set(ids))))").all() {
            out[try row.decode(column: "id", as: Int64.self)] = OrganizationTier(rawValue: try row.decode(column: "tier", as: String.self))
        }
        return out
    }
}

extension WriteContext {
    /// Brings a ticket's SLA clocks up to date after a change (see `SLAEngine.update`).
    func applySLA(_ ticket: inout Ticket, before: Ticket?, activity: SLAEngine.Activity?, at time: Date? = nil) async throws {
        let engine = try await slaEngine()
        guard !engine.policies.isEmpty || ticket.sla != nil else { return }
        let tier = engine.needsTier ? try await reader.organizationTiers(ticket.organizationId.map { [$0] } ?? []).values.first : nil
        let old = ticket.sla
        engine.update(&ticket, before: before, activity: activity, tier: tier, now: time ?? now)
        if ticket.id != 0 { try await recordBreaches(of: ticket, since: old) }
    }

    /// Records one `ticket.sla_breached` event for the targets of `ticket` missed since `old`
    /// (see `SLAJudgement.event`); returns how many.
    @discardableResult
    func recordBreaches(of ticket: Ticket, since old: TicketSLA?) async throws -> Int {
        let missed = SLAJudgement.missed(ticket, since: old)
        if let event = SLAJudgement.event(ticket, before: ticket, missed: missed, escalations: [], now: now) {
            try await record([event], ticket: ticket.id)
        }
        return missed.count
    }

    /// Creates business hours (`id` nil) or changes them. The job runner then re-times the open
    /// tickets (see `retimeOpenTickets`).
    public func saveBusinessHours(id: Int64?, name rawName: String, calendar: BusinessCalendar, actor: Actor) async throws -> BusinessHours {
        let name = try validatedText(rawName, field: "name", max: Limits.name) ?? ""
        guard !name.isEmpty else { throw DomainError.invalid(field: "name", "is required") }
        if try await sql.raw("SELECT id FROM business_calendars WHERE name = \(bind: name) AND id <> \(bind: id ?? 0)").first() != nil {
            throw DomainError.conflict(field: "name", "business hours with this name already exist")
        }
        let week = encodeJSON(calendar.week)
        let holidays = encodeJSON(calendar.holidays.sorted())
        slaChanged = true
        guard let id else {
            guard let newId = try await sql.raw(
                """
                INSERT INTO business_calendars (name, time_zone, week, holidays, created_at, updated_at)
                VALUES (\(bind: name), \(bind: calendar.timeZone), \(bind: week), \(bind: holidays), \(bind: now.ms), \(bind: now.ms)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
            let hours = BusinessHours(id: newId, name: name, calendar: calendar)
            try await record(.businessHoursCreated, entityId: newId, actor: actor, after: JSONText(hours))
            return hours
        }
        guard let before = try await reader.businessHours(id: id) else { throw DomainError.notFound("business hours") }
        try await sql.raw(
            """
            UPDATE business_calendars SET name = \(bind: name), time_zone = \(bind: calendar.timeZone), week = \(bind: week),
              holidays = \(bind: holidays), updated_at = \(bind: now.ms) WHERE id = \(bind: id)
            """
        ).run()
        let hours = BusinessHours(id: id, name: name, calendar: calendar)
        try await record(.businessHoursUpdated, entityId: id, actor: actor, before: JSONText(before), after: JSONText(hours))
        return hours
    }

    /// Deletes business hours that no policy uses.
    public func deleteBusinessHours(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.businessHours(id: id) else { throw DomainError.notFound("business hours") }
        if let user = try await sql.raw("SELECT name FROM sla_policies WHERE calendar_id = \(bind: id) LIMIT 1").first() {
            let policy = try user.decode(column: "name", as: String.self)
            throw DomainError.conflict(field: "id", "the SLA policy \(policy) uses these business hours")
        }
        try await sql.raw("DELETE FROM business_calendars WHERE id = \(bind: id)").run()
        slaChanged = true
        try await record(.businessHoursDeleted, entityId: id, actor: actor, before: JSONText(before))
    }

    /// Creates (`policy.id` 0) or changes an SLA policy after checking it and what it names.
    public func saveSLAPolicy(_ input: SLAPolicy, actor: Actor) async throws -> SLAPolicy {
        var policy = input
        policy.name = policy.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try policy.validate()
        if let calendarId = policy.calendarId, try await reader.businessHours(id: calendarId) == nil {
            throw DomainError.invalid(field: "calendar_id", "business hours \(calendarId) do not exist")
        }
        let teams = Set(try await sql.raw("SELECT id FROM teams").all(decodingColumn: "id", as: Int64.self))
        for team in policy.conditions.teamIds ?? [] where !teams.contains(team) {
            throw DomainError.invalid(field: "conditions.team", "team \(team) does not exist")
        }
        for (i, escalation) in policy.escalations.enumerated() {
            if let team = escalation.teamId, !teams.contains(team) {
                throw DomainError.invalid(field: "escalations[\(i)].team_id", "team \(team) does not exist")
            }
        }
        if try await sql.raw("SELECT id FROM sla_policies WHERE name = \(bind: policy.name) AND id <> \(bind: policy.id)").first() != nil {
            throw DomainError.conflict(field: "name", "an SLA policy with this name already exists")
        }
        let previous = policy.id == 0 ? [] : try await reader.slaPolicies().first { $0.id == policy.id }?.escalations ?? []
        var random = SystemRandomNumberGenerator()
        policy.escalations = SLAEscalation.assignIds(policy.escalations, previous: previous, using: &random)
        let values: (String, String, String, String) = (
            encodeJSON(policy.conditions), encodeJSON(policy.targets), encodeJSON(policy.pauseOn), encodeJSON(policy.escalations)
        )
        slaChanged = true
        if policy.id == 0 {
            guard let id = try await sql.raw(
                """
                INSERT INTO sla_policies (name, position, active, calendar_id, conditions, targets, pause_on, escalations, created_at, updated_at)
                VALUES (\(bind: policy.name), \(bind: Int64(policy.position)), \(bind: policy.active ? 1 : 0 as Int64), \(bind: policy.calendarId),
                  \(bind: values.0), \(bind: values.1), \(bind: values.2), \(bind: values.3), \(bind: now.ms), \(bind: now.ms)) RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
            policy.id = id
            try await record(.slaPolicyCreated, entityId: id, actor: actor, after: JSONText(policy))
            return policy
        }
        guard let before = try await reader.slaPolicy(id: policy.id) else { throw DomainError.notFound("SLA policy") }
        try await sql.raw(
            """
            UPDATE sla_policies SET name = \(bind: policy.name), position = \(bind: Int64(policy.position)),
              active = \(bind: policy.active ? 1 : 0 as Int64), calendar_id = \(bind: policy.calendarId), conditions = \(bind: values.0),
              targets = \(bind: values.1), pause_on = \(bind: values.2), escalations = \(bind: values.3), updated_at = \(bind: now.ms)
            WHERE id = \(bind: policy.id)
            """
        ).run()
        try await record(.slaPolicyUpdated, entityId: policy.id, actor: actor, before: JSONText(before), after: JSONText(policy))
        return policy
    }

    /// Deletes an SLA policy; the job runner then takes the open tickets under it out of it.
    public func deleteSLAPolicy(id: Int64, actor: Actor) async throws {
        guard let before = try await reader.slaPolicy(id: id) else { throw DomainError.notFound("SLA policy") }
        try await sql.raw("DELETE FROM sla_policies WHERE id = \(bind: id)").run()
        slaChanged = true
        try await record(.slaPolicyDeleted, entityId: id, actor: actor, before: JSONText(before))
    }
}
