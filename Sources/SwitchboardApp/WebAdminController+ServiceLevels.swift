import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Admin > Service levels: business hours, SLA policies and escalation tiers.
extension WebAdminController {
    @Sendable static func serviceLevels(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        return try await serviceLevelsPage(req, principal, tierError: nil)
    }

    private static func serviceLevelsPage(_ req: Request, _ principal: WebPrincipal, tierError: String?) async throws -> Response {
        let model = try await req.store.read { ctx in
            AdminServiceLevelsModel(
                hours: try await ctx.businessHours(), policies: try await ctx.slaPolicies(), teams: try await ctx.teams(),
                tierTeams: try await ctx.tierTeams(), tierError: tierError)
        }
        let l = req.localizer(for: principal.user)
        return WebController.html(
            AdminServiceLevelsView.render(model, frame: WebController.frame(principal, title: l.text("sla.admin_title"), .admin), l),
            status: tierError == nil ? .ok : .unprocessableEntity)
    }

    @Sendable static func saveTiers(_ req: Request) async throws -> Response {
        struct Form: Content {
            var tier1: String?
            var tier2: String?
        }
        let principal = try await req.webPage(.manageServiceLevels)
        let form = try req.content.decode(Form.self)
        let actor = principal.actor
        do {
            let teams = [form.tier1, form.tier2].map { $0.flatMap { Int64($0) } }
            _ = try await req.store.write { try await $0.setTierTeams(teams, actor: actor) }
            return req.redirect(to: "/admin/service-levels", redirectType: .normal)
        } catch let error as DomainError where error.kind == .invalid {
            return try await serviceLevelsPage(req, principal, tierError: FormMessages.text(error, req.localizer(for: principal.user)))
        }
    }

    // MARK: business hours

    @Sendable static func hours(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        var model = AdminHoursModel()
        if req.parameters.get("id") != "new" {
            let id = try req.id(what: "business hours")
            guard let hours = try await req.store.read({ try await $0.businessHours(id: id) }) else { throw DomainError.notFound("business hours") }
            model = AdminHoursModel(
                id: id, name: hours.name, timeZone: hours.calendar.timeZone, days: hours.calendar.week.map(AdminHoursView.text),
                holidays: hours.calendar.holidays.sorted().joined(separator: "\n"))
        }
        return hoursPage(req, principal, model)
    }

    private static func hoursPage(_ req: Request, _ principal: WebPrincipal, _ model: AdminHoursModel) -> Response {
        let l = req.localizer(for: principal.user)
        let title = model.id == nil ? l.text("sla.new_hours") : model.name
        return WebController.html(
            AdminHoursView.render(model, frame: WebController.frame(principal, title: title, .admin), l),
            status: model.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func saveHours(_ req: Request) async throws -> Response {
        struct Form: Content {
            var name: String?
            var time_zone: String?
            var day0, day1, day2, day3, day4, day5, day6: String?
            var holidays: String?
        }
        let principal = try await req.webPage(.manageServiceLevels)
        let id = req.parameters.get("id").flatMap { Int64($0) }
        let form = try req.content.decode(Form.self)
        let l = req.localizer(for: principal.user)
        var model = AdminHoursModel(
            id: id, name: form.name ?? "", timeZone: form.time_zone ?? "",
            days: [form.day0, form.day1, form.day2, form.day3, form.day4, form.day5, form.day6].map { $0 ?? "" }, holidays: form.holidays ?? "")
        let actor = principal.actor
        do {
            var week: [[BusinessCalendar.Interval]] = []
            for (i, day) in model.days.enumerated() { week.append(try parseDay(day, field: "day\(i)")) }
            let holidays = Set(model.holidays.split(whereSeparator: \.isWhitespace).map(String.init))
            let calendar = try BusinessCalendar(timeZone: model.timeZone, week: week, holidays: holidays)
            let name = model.name
            _ = try await req.store.write { try await $0.saveBusinessHours(id: id, name: name, calendar: calendar, actor: actor) }
            return req.redirect(to: "/admin/service-levels", redirectType: .normal)
        } catch let error as DomainError where [.invalid, .conflict].contains(error.kind) {
            var field = error.field ?? "week"
            if field.hasPrefix("week["), let digit = field.dropFirst(5).first { field = "day\(digit)" }
            model.errors[field] = FormMessages.text(error, l)
            return hoursPage(req, principal, model)
        }
    }

    /// `09:00-17:30, 18:00-20:00` as intervals; empty is a closed day.
    static func parseDay(_ text: String, field: String) throws(DomainError) -> [BusinessCalendar.Interval] {
        try text.split(separator: ",").map { part throws(DomainError) -> BusinessCalendar.Interval in
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let start = BusinessCalendar.Interval.minutes(ends[0]), let end = BusinessCalendar.Interval.minutes(ends[1]) else {
                throw .invalid(field: field, "write hours like 09:00-17:30, separated by commas")
            }
            return BusinessCalendar.Interval(start: start, end: end)
        }
    }

    @Sendable static func deleteHours(_ req: Request) async throws -> Response {
        let principal = try await req.webPage(.manageServiceLevels)
        let id = try req.id(what: "business hours")
        let actor = principal.actor
        do {
            try await req.store.write { try await $0.deleteBusinessHours(id: id, actor: actor) }
            return req.redirect(to: "/admin/service-levels", redirectType: .normal)
        } catch let error as DomainError where error.kind == .conflict {
            guard let hours = try await req.store.read({ try await $0.businessHours(id: id) }) else { throw error }
            var model = AdminHoursModel(
                id: id, name: hours.name, timeZone: hours.calendar.timeZone, days: hours.calendar.week.map(AdminHoursView.text),
                holidays: hours.calendar.holidays.sorted().joined(separator: "\n"))
            model.errors["delete"] = FormMessages.text(error, req.localizer(for: principal.user))
            return hoursPage(req, principal, model)
        }
    }
}
