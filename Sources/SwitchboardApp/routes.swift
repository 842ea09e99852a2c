import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// Every route, grouped by area.
func routes(_ app: Application) throws {
    app.get("healthz", use: Operations.health)

    // The agent workspace (HTML)
    app.get(use: WebController.home)
    app.get("sign-in", use: WebController.signInForm)
    app.post("sign-in", use: WebController.signIn)
    app.post("sign-out", use: WebController.signOut)
    app.get("forgot-password", use: WebPasswordReset.requestForm)
    app.post("forgot-password", use: WebPasswordReset.request)
    app.get("reset-password", use: WebPasswordReset.chooseForm)
    app.post("reset-password", use: WebPasswordReset.choose)
    app.get("inbox", use: WebController.inbox)
    app.post("inbox", "bulk", use: WebTicketActions.bulk)
    app.post("inbox", "views", use: WebTicketActions.saveView)
    app.post("tickets", ":id", "merge", use: WebTicketActions.merge)
    app.post("tickets", ":id", "presence", use: WebPresence.poll)
    app.post("tickets", ":id", "split", use: WebTicketActions.split)
    app.post("tickets", ":id", "links", use: WebTicketActions.link)
    app.post("tickets", ":id", "follow", use: WebTicketActions.follow)
    app.post("tickets", ":id", "escalate", use: WebTicketActions.escalate)
    app.post("availability", use: WebTicketActions.setAvailability)
    app.get("macros", use: WebMacros.page)
    app.post("macros", use: WebMacros.create)
    app.post("macros", ":id", "delete", use: WebMacros.delete)
    app.get("macros", ":id", "edit", use: WebMacros.edit)
    app.post("macros", ":id", use: WebMacros.update)
    app.post("tickets", ":id", "macro", use: WebTicketActions.applyMacro)
    app.post("tickets", ":id", "transfer", use: WebTicketActions.transfer)
    app.post("tickets", ":id", "side-conversations", use: WebSideConversations.start)
    app.post("side-conversations", ":id", "messages", use: WebSideConversations.reply)
    app.post("side-conversations", ":id", "status", use: WebSideConversations.setStatus)
    app.get("contacts", use: WebCustomerController.list)
    app.get("contacts", ":id", use: WebCustomerController.show)
    app.post("contacts", ":id", use: WebCustomerController.update)
    app.post("contacts", ":id", "merge", use: WebCustomerController.merge)
    app.get("profile", use: WebProfileController.profile)
    app.post("profile", use: WebProfileController.updateProfile)
    app.post("profile", "password", use: WebProfileController.changePassword)
    app.post("profile", "notifications", use: WebProfileController.updateNotifications)
    app.post("profile", "tokens", use: WebProfileController.createToken)
    app.post("profile", "tokens", ":id", "revoke", use: WebProfileController.revokeToken)
    app.get("admin", "users", use: WebAdminController.users)
    app.get("admin", "audit", use: WebAdminController.audit)
    app.get("admin", "tokens", use: WebAdminController.tokens)
    app.get("admin", "tags", use: WebAdminController.tags)
    app.post("admin", "tags", "rename", use: WebAdminController.renameTag)
    app.get("tickets", ":id", "messages", ":message", "html", use: WebMailView.html)
    app.post("admin", "users", ":id", "routing", use: WebAdminController.updateRouting)
    app.get("admin", "skills", use: WebAdminController.skills)
    app.post("admin", "skills", use: WebAdminController.createSkill)
    app.post("admin", "skills", ":id", "delete", use: WebAdminController.deleteSkill)
    app.get("admin", "automations", use: WebAdminController.automations)
    app.post("admin", "automations", use: WebAdminController.createAutomation)
    app.post("admin", "automations", ":id", "toggle", use: WebAdminController.toggleAutomation)
    app.get("admin", "automations", ":id", use: WebAdminController.automation)
    app.post("admin", "automations", ":id", use: WebAdminController.updateAutomation)
    app.post("admin", "automations", ":id", "delete", use: WebAdminController.deleteAutomation)
    app.get("admin", "service-levels", use: WebAdminController.serviceLevels)
    app.post("admin", "escalation-tiers", use: WebAdminController.saveTiers)
    app.get("admin", "business-hours", ":id", use: WebAdminController.hours)
    app.post("admin", "business-hours", use: WebAdminController.saveHours)
    app.post("admin", "business-hours", ":id", use: WebAdminController.saveHours)
    app.post("admin", "business-hours", ":id", "delete", use: WebAdminController.deleteHours)
    app.get("admin", "sla-policies", ":id", use: WebAdminController.policy)
    app.post("admin", "sla-policies", use: WebAdminController.savePolicy)
    app.post("admin", "sla-policies", ":id", use: WebAdminController.savePolicy)
    app.post("admin", "sla-policies", ":id", "delete", use: WebAdminController.deletePolicy)
    app.get("admin", "mailboxes", use: WebAdminController.mailboxes)
    app.post("admin", "mailboxes", use: WebAdminController.saveMailbox)
    app.get("admin", "mailboxes", ":id", use: WebAdminController.mailbox)
    app.post("admin", "mailboxes", ":id", use: WebAdminController.saveMailbox)
    app.get("admin", "mail-log", use: WebAdminController.mailLog)
    app.get("admin", "mail-log", ":id", "raw", use: WebAdminController.rawMail)
    app.get("admin", "types", use: WebAdminController.ticketTypes)
    app.post("admin", "types", ":type", use: WebAdminController.setTicketType)
    app.post("admin", "tokens", ":id", "revoke", use: WebAdminController.revokeToken)
    app.get("admin", "teams", use: WebAdminController.teams)
    app.post("admin", "teams", use: WebAdminController.createTeam)
    app.post("admin", "teams", ":id", use: WebAdminController.updateTeamMembers)
    app.get("admin", "fields", use: WebAdminController.fields)
    app.post("admin", "fields", use: WebAdminController.createField)
    app.post("admin", "users", use: WebAdminController.createUser)
    app.post("admin", "users", ":id", "active", use: WebAdminController.setActive)
    app.get("admin", "users", ":id", use: WebAdminController.user)
    app.post("admin", "users", ":id", use: WebAdminController.updateUser)
    app.get("tickets", ":id", use: WebController.ticket)
    app.post("tickets", ":id", use: WebController.updateTicket)
    // Attachments ride along: the route takes up to 2.5 times the per-file limit, plus the form.
    app.on(.POST, "tickets", ":id", "messages",
           body: .collect(maxSize: ByteCount(integerLiteral: app.config.maxAttachmentBytes * 5 / 2 + 1_048_576)), use: WebController.addMessage)
    app.get("attachments", ":id", ":name", use: WebController.attachment)
    app.get("assets", ":name", use: Assets.serve)

    app.get("metrics", use: Operations.metrics)

    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: Operations.openAPI)

    api.post("session", use: SessionController.signIn)
    api.get("session", use: SessionController.current)
    api.delete("session", use: SessionController.signOut)

    api.get("tokens", use: TokenController.list)
    api.post("tokens", use: TokenController.create)
    api.delete("tokens", ":id", use: TokenController.revoke)

    api.get("users", use: UserController.list)
    api.post("users", use: UserController.create)
    api.get("users", ":id", use: UserController.show)
    api.patch("users", ":id", use: UserController.update)

    api.get("teams", use: TeamController.list)
    api.post("teams", use: TeamController.create)
    api.get("teams", ":id", use: TeamController.show)
    api.patch("teams", ":id", use: TeamController.update)

    api.get("contacts", use: ContactController.list)
    api.post("contacts", use: ContactController.create)
    api.get("contacts", ":id", use: ContactController.show)
    api.patch("contacts", ":id", use: ContactController.update)
    api.post("contacts", ":id", "merge", use: ContactController.merge)
    api.get("contacts", ":id", "tickets", use: ContactController.tickets)

    api.get("organizations", use: OrganizationController.list)
    api.post("organizations", use: OrganizationController.create)
    api.get("organizations", ":id", use: OrganizationController.show)
    api.patch("organizations", ":id", use: OrganizationController.update)

    api.get("tickets", use: TicketController.list)
    api.post("tickets", use: TicketController.create)
    api.get("tickets", ":id", use: TicketController.show)
    api.patch("tickets", ":id", use: TicketController.update)
    api.get("tickets", ":id", "messages", use: TicketController.messages)
    api.post("tickets", ":id", "messages", use: TicketController.addMessage)
    api.get("tickets", ":id", "links", use: TicketController.links)
    api.post("tickets", ":id", "links", use: TicketController.link)
    api.delete("tickets", ":id", "links", ":kind", ":other", use: TicketController.unlink)
    api.post("tickets", ":id", "merge", use: TicketController.merge)
    api.post("tickets", ":id", "split", use: TicketController.split)
    api.put("tickets", ":id", "followers", ":user", use: TicketController.follow)
    api.delete("tickets", ":id", "followers", ":user", use: TicketController.unfollow)
    api.get("tickets", ":id", "history", use: TicketController.history)
    api.post("tickets", ":id", "escalate", use: ServiceLevelController.escalate)
    api.post("tickets", ":id", "transfer", use: ServiceLevelController.transfer)
    api.post("tickets", ":id", "collaborators", use: ServiceLevelController.invite)
    api.get("tickets", ":id", "side-conversations", use: SideConversationController.list)
    api.post("tickets", ":id", "side-conversations", use: SideConversationController.start)
    api.post("side-conversations", ":id", "messages", use: SideConversationController.reply)
    api.patch("side-conversations", ":id", use: SideConversationController.update)
    api.post("tickets", ":id", "macros", ":macro", use: MacroController.applyToTicket)
    api.get("macros", use: MacroController.list)
    api.post("macros", use: MacroController.create)
    api.put("macros", ":id", use: MacroController.update)
    api.delete("macros", ":id", use: MacroController.delete)

    api.get("views", use: ViewController.list)
    api.post("views", use: ViewController.create)
    api.get("views", ":id", use: ViewController.show)
    api.patch("views", ":id", use: ViewController.update)
    api.delete("views", ":id", use: ViewController.delete)

    api.get("users", ":id", "availability", use: RoutingController.availability)
    api.put("users", ":id", "availability", use: RoutingController.setAvailability)
    api.get("users", ":id", "skills", use: RoutingController.userSkills)
    api.put("users", ":id", "skills", use: RoutingController.setUserSkills)
    api.get("skills", use: RoutingController.skills)
    api.post("skills", use: RoutingController.createSkill)
    api.put("skills", ":id", use: RoutingController.updateSkill)
    api.delete("skills", ":id", use: RoutingController.deleteSkill)
    api.get("users", ":id", "notifications", use: NotificationController.show)
    api.put("users", ":id", "notifications", use: NotificationController.update)
    api.get("mailboxes", use: MailboxController.list)
    api.post("mailboxes", use: MailboxController.create)
    api.get("mailboxes", ":id", use: MailboxController.show)
    api.patch("mailboxes", ":id", use: MailboxController.update)
    api.on(.POST, "mailboxes", ":id", "messages", body: .collect(maxSize: ByteCount(value: app.config.maxMailBytes)), use: MailboxController.deliver)
    api.get("mail-log", use: MailboxController.log)
    api.get("mail-log", ":id", "raw", use: MailboxController.raw)
    api.get("ticket-types", use: TicketTypeController.list)
    api.patch("ticket-types", ":type", use: TicketTypeController.update)
    api.get("tags", use: TagController.list)
    api.post("tags", "rename", use: TagController.rename)
    api.get("business-hours", use: ServiceLevelController.listHours)
    api.post("business-hours", use: ServiceLevelController.createHours)
    api.get("business-hours", ":id", use: ServiceLevelController.showHours)
    api.put("business-hours", ":id", use: ServiceLevelController.updateHours)
    api.delete("business-hours", ":id", use: ServiceLevelController.deleteHours)
    api.get("sla-policies", use: ServiceLevelController.listPolicies)
    api.post("sla-policies", use: ServiceLevelController.createPolicy)
    api.get("sla-policies", ":id", use: ServiceLevelController.showPolicy)
    api.put("sla-policies", ":id", use: ServiceLevelController.updatePolicy)
    api.delete("sla-policies", ":id", use: ServiceLevelController.deletePolicy)
    api.get("escalation-tiers", use: ServiceLevelController.tiers)
    api.put("escalation-tiers", use: ServiceLevelController.setTiers)
    api.get("automations", use: AutomationController.list)
    api.post("automations", use: AutomationController.create)
    api.post("automations", "dry-run", use: AutomationController.dryRun)
    api.get("automations", ":id", use: AutomationController.show)
    api.put("automations", ":id", use: AutomationController.update)
    api.delete("automations", ":id", use: AutomationController.delete)
    api.get("custom-fields", use: CustomFieldController.list)
    api.post("custom-fields", use: CustomFieldController.create)

    api.get("audit", use: AuditController.list)
    api.get("audit", "verify", use: AuditController.verify)
}

extension Request {
    /// A numeric path parameter; a clear 404 when it is not a number.
    func id(_ name: String = "id", what: String) throws -> Int64 {
        guard let raw = parameters.get(name), let id = Int64(raw) else { throw DomainError.notFound(what) }
        return id
    }

    /// Decodes a JSON body into `T`, mapping every failure to a problem naming the field.
    func body<T: Decodable>(_ type: T.Type) throws -> T {
        guard let buffer = self.body.data else { throw DomainError(.invalid, field: nil, "a JSON body is required") }
        // The server refuses larger bodies while reading them; this covers bodies handed in whole.
        guard buffer.readableBytes <= application.config.maxBodySize else { throw Abort(.payloadTooLarge) }
        do {
            return try APIJSON.decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw error
        } catch {
            throw DomainError(.invalid, "the body is not valid JSON")
        }
    }

    /// A query-string value parsed by `parse`, or a 422 naming it.
    func query<T>(_ name: String, _ parse: (String) -> T?) throws -> T? {
        guard let raw = self.query[String.self, at: name] else { return nil }
        guard let value = parse(raw) else { throw DomainError.invalid(field: name, "has an invalid value: \(raw)") }
        return value
    }

    /// The page size: `limit`, 1…200, default 50.
    func limit(default value: Int = 50) throws -> Int {
        let limit = try query("limit") { Int($0) } ?? value
        guard (1...200).contains(limit) else { throw DomainError.invalid(field: "limit", "must be between 1 and 200") }
        return limit
    }
}

/// Encodes a DTO as the API's JSON with a status.
func respond<D: Encodable>(_ value: D, status: HTTPStatus = .ok) throws -> Response {
    let response = Response(status: status)
    response.body = .init(data: try APIJSON.encoder.encode(value))
    response.headers.contentType = .json
    return response
}
