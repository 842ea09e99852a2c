import Foundation
import SQLKit
import SwitchboardCore

/// An organization as submitted, validated by the caller.
public struct OrganizationInput: Sendable {
    public var name: String
    public var domains: [String]
    public var tier: OrganizationTier
    public var accountOwnerId: Int64?
    public var notes: String?
    public var attributes: [String: JSONValue]

    public init(name: String, domains: [String], tier: OrganizationTier, accountOwnerId: Int64?, notes: String?, attributes: [String: JSONValue]) {
        self.name = name
        self.domains = domains
        self.tier = tier
        self.accountOwnerId = accountOwnerId
        self.notes = notes
        self.attributes = attributes
    }
}

extension ReadContext {
    /// One organization, or nil.
    public func organization(id: Int64) async throws -> Organization? {
        guard let row = try await sql.raw("SELECT * FROM organizations WHERE id = \(bind: id)").first() else { return nil }
        return try await organizations(from: [row]).first
    }

    /// Organizations matching a folded text query; keyset by id.
    public func organizations(query: String?, afterId: Int64?, limit: Int) async throws -> [Organization] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let afterId { conditions.append("id > \(bind: afterId)") }
        for term in TextAnalyzer.queryTerms(query ?? "").prefix(8) {
            conditions.append("search_text LIKE \(bind: "%" + term + "%")")
        }
        let rows = try await sql.raw(
            "SELECT * FROM organizations WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(bind: limit)"
        ).all()
        return try await organizations(from: rows)
    }

    private func organizations(from rows: [any SQLRow]) async throws -> [Organization] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var domains: [Int64: [String]] = [:]
        for d in try await sql.raw(
            "SELECT organization_id, domain FROM organization_domains WHERE organization_id IN (\(binds: ids)) ORDER BY domain"
        ).all() {
            domains[try d.decode(column: "organization_id", as: Int64.self), default: []].append(try d.decode(column: "domain", as: String.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            guard let tier = OrganizationTier(rawValue: try row.decode(column: "tier", as: String.self)) else {
                throw StoreError.corrupt("organization \(id) tier")
            }
            return Organization(
                id: id, name: try row.decode(column: "name", as: String.self), domains: domains[id] ?? [], tier: tier,
                accountOwnerId: try row.decode(column: "account_owner_id", as: Int64?.self),
                notes: try row.decode(column: "notes", as: String?.self),
                attributes: try decodeJSON([String: JSONValue].self, try row.decode(column: "attributes", as: String.self)),
                createdAt: Date(ms: try row.decode(column: "created_at", as: Int64.self)),
                updatedAt: Date(ms: try row.decode(column: "updated_at", as: Int64.self)))
        }
    }
}

extension WriteContext {
    /// Creates an organization; its domains must not belong to another one.
    public func createOrganization(_ input: OrganizationInput, actor: Actor) async throws -> Organization {
        try await checkOrganization(input, except: nil)
        guard let id = try await sql.raw(
            """
            INSERT INTO organizations (name, tier, account_owner_id, notes, attributes, search_text, created_at, updated_at)
            VALUES (\(bind: input.name), \(bind: input.tier.rawValue), \(bind: input.accountOwnerId), \(bind: input.notes),
              \(bind: encodeJSON(input.attributes)), \(bind: Self.searchText(input)), \(bind: now.ms), \(bind: now.ms)) RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self) else { throw StoreError.corrupt("insert returned no id") }
        try await setDomains(organization: id, input.domains)
        guard let org = try await reader.organization(id: id) else { throw StoreError.corrupt("organization vanished") }
        try await record(.organizationCreated, entityId: id, actor: actor, after: JSONText(org))
        return org
    }

    /// Replaces an organization's fields and domains.
    public func updateOrganization(id: Int64, _ input: OrganizationInput, actor: Actor) async throws -> Organization {
        guard let before = try await reader.organization(id: id) else { throw DomainError.notFound("organization") }
        try await checkOrganization(input, except: id)
        try await sql.raw(
            """
            UPDATE organizations SET name = \(bind: input.name), tier = \(bind: input.tier.rawValue),
              account_owner_id = \(bind: input.accountOwnerId), notes = \(bind: input.notes),
              attributes = \(bind: encodeJSON(input.attributes)), search_text = \(bind: Self.searchText(input)),
              updated_at = \(bind: now.ms) WHERE id = \(bind: id)
            """
        ).run()
        try await setDomains(organization: id, input.domains)
        guard let after = try await reader.organization(id: id) else { throw StoreError.corrupt("organization vanished") }
        try await record(.organizationUpdated, entityId: id, actor: actor, before: JSONText(before), after: JSONText(after))
        return after
    }

    private func checkOrganization(_ input: OrganizationInput, except id: Int64?) async throws {
        if let owner = input.accountOwnerId, try await reader.user(id: owner) == nil {
            throw DomainError.invalid(field: "account_owner_id", "user \(owner) does not exist")
        }
        for domain in input.domains {
            if let other = try await sql.raw("SELECT organization_id FROM organization_domains WHERE domain = \(bind: domain)")
                .first(decodingColumn: "organization_id", as: Int64.self), other != id
            {
                throw DomainError.conflict(field: "domains", "\(domain) already belongs to organization \(other)")
            }
        }
    }

    private func setDomains(organization id: Int64, _ domains: [String]) async throws {
        try await sql.raw("DELETE FROM organization_domains WHERE organization_id = \(bind: id)").run()
        for domain in Set(domains) {
            try await sql.raw("INSERT INTO organization_domains (domain, organization_id) VALUES (\(bind: domain), \(bind: id))").run()
        }
    }

    static func searchText(_ input: OrganizationInput) -> String {
        TextAnalyzer.indexText(([input.name] + input.domains).joined(separator: " "))
    }
}
