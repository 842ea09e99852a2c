import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// `switchboard seed --demo`: fills an empty workspace with a realistic demo: four teams, eight
/// staff, 40 organizations, 300 contacts and 2,000 tickets over the last 90 days in five languages.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Load the demo workspace.") var demo: Bool
        @Option(name: "password", help: "Password for every demo staff account (generated when left out).") var password: String?
        @Option(name: "seed", help: "Random seed (default 1): the same seed gives the same workspace.") var seed: Int?
        init() {}
    }
    var help: String { "Loads demo data into an empty workspace: seed --demo [--password P] [--seed N]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.demo else { throw CommandLineError("say --demo to load the demo workspace") }
        let app = context.application
        let store = app.store
        guard try await store.read({ try await $0.ticketTotal() }) == 0 else {
            throw CommandLineError("the workspace already has tickets; seed --demo needs an empty one")
        }
        let password = signature.password ?? Secrets.password()
        let hash = try PasswordRules.hash(password, cost: app.config.bcryptCost)
        let demo = DemoWorkspace.generate(seed: UInt64(max(signature.seed ?? 1, 0)), now: store.clock())
        let started = Date()
        let result = try await DemoImporter(store: store, demo: demo, passwordHash: hash).run()
        context.console.print(
            "Loaded the demo: \(result.teams) teams, \(result.staff) staff, \(result.organizations) organizations, "
                + "\(result.contacts) contacts, \(result.tickets) tickets in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        context.console.print("Demo staff sign in with their email and the password: \(password)")
        for s in demo.staff { context.console.print("  \(s.email)  \(s.role.rawValue)  \(s.jobTitle)") }
    }
}

/// Writes a `DemoWorkspace` through the store, so the demo has audit events like real data.
struct DemoImporter: Sendable {
    let store: Store
    let demo: DemoWorkspace
    let passwordHash: String

    struct Counts {
        var teams = 0, staff = 0, organizations = 0, contacts = 0, tickets = 0
    }

    func run() async throws -> Counts {
        var counts = Counts()
        var teamIds: [String: Int64] = [:]
        for team in demo.teams {
            let existing = try await store.read { try await $0.teams() }.first { $0.name == team.name }
            if let existing { teamIds[team.name] = existing.id; continue }
            let created = try await store.write { try await $0.createTeam(name: team.name, description: nil, memberIds: [], actor: .system) }
            teamIds[team.name] = created.id
            counts.teams += 1
        }
        var staffIds: [Int64] = []
        for s in demo.staff {
            let input = UserInput(
                email: try EmailAddress(s.email), name: s.name, jobTitle: s.jobTitle, locale: s.locale, role: s.role,
                passwordHash: passwordHash, teamIds: s.teamNames.compactMap { teamIds[$0] })
            let user = try await store.write { try await $0.createUser(input, actor: .system) }
            staffIds.append(user.id)
            counts.staff += 1
        }
        var orgIds: [Int64] = []
        for o in demo.organizations {
            let input = OrganizationInput(
                name: o.name, domains: [o.domain], tier: OrganizationTier(rawValue: o.tier) ?? .standard,
                accountOwnerId: o.tier == "vip" ? staffIds.first : nil, notes: nil, attributes: [:])
            orgIds.append(try await store.write { try await $0.createOrganization(input, actor: .system) }.id)
            counts.organizations += 1
        }
        var contactIds: [Int64] = []
        for c in demo.contacts {
            let input = ContactInput(
                name: c.name, emails: [try EmailAddress(c.email)], phones: try c.phone.map { [try PhoneNumber($0)] } ?? [], locale: c.locale,
                organizationId: c.organizationIndex.map { orgIds[$0] }, attributes: [:])
            contactIds.append(try await store.write { try await $0.createContact(input, actor: .system) }.id)
            counts.contacts += 1
        }
        let contactOrgs = demo.contacts.map { $0.organizationIndex.map { orgIds[$0] } }
        let (staff, contacts, teams) = (staffIds, contactIds, teamIds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: demo.tickets.count, by: 100) {
                let slice = demo.tickets[chunk..<min(chunk + 100, demo.tickets.count)]
                group.addTask {
                    for t in slice { try await importTicket(t, staffIds: staff, contactIds: contacts, contactOrgs: contactOrgs, teamIds: teams) }
                }
            }
            try await group.waitForAll()
        }
        counts.tickets = demo.tickets.count
        return counts
    }

    private func importTicket(
        _ t: DemoWorkspace.Ticket, staffIds: [Int64], contactIds: [Int64], contactOrgs: [Int64?], teamIds: [String: Int64]
    ) async throws {
        let requester = contactIds[t.requesterIndex]
        let draft = Ticket(
            id: 0, number: 0, subject: t.subject, status: t.status, priority: t.priority, type: t.type, channel: t.channel,
            requesterId: requester, organizationId: contactOrgs[t.requesterIndex], assigneeId: t.assigneeIndex.map { staffIds[$0] },
            teamId: t.teamName.flatMap { teamIds[$0] }, tags: t.tags, createdAt: t.createdAt)
        let messages = t.messages.map { m in
            ImportedMessage(
                authorKind: m.authorKind, authorId: m.authorKind == .contact ? requester : m.staffIndex.map { staffIds[$0] },
                visibility: m.visibility, body: m.body, createdAt: m.createdAt)
        }
        _ = try await store.write { try await $0.importTicket(draft, messages: messages, actor: .system) }
    }
}
