import Foundation

/// A staff member's role: a named set of permissions. Job titles are free text and separate.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, manager, supervisor
    case seniorAgent = "senior_agent"
    case agent
    case qaAnalyst = "qa_analyst"
    case trainer

    /// What this role may do. The one place where role → allowed actions is decided.
    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            Set(Permission.allCases)
        case .manager:
            Set(Permission.allCases).subtracting([.manageSettings])
        case .supervisor:
            Permission.agentWork.union([
                .manageTeams, .viewUsers, .viewAudit, .manageSharedViews, .deleteTickets, .mergeContacts, .manageServiceLevels,
            ])
        case .seniorAgent:
            Permission.agentWork.union([.viewUsers, .manageSharedViews, .mergeContacts])
        case .agent:
            Permission.agentWork.union([.viewUsers])
        case .qaAnalyst:
            [.viewTickets, .viewContacts, .viewUsers, .viewAudit, .manageOwnTokens]
        case .trainer:
            [.viewTickets, .viewContacts, .viewUsers, .manageOwnTokens]
        }
    }

    /// Whether the role grants `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// A human title for the role, used when a user has no job title of their own.
    public var displayName: String {
        switch self {
        case .admin: "Administrator"
        case .manager: "Manager"
        case .supervisor: "Supervisor"
        case .seniorAgent: "Senior agent"
        case .agent: "Agent"
        case .qaAnalyst: "QA analyst"
        case .trainer: "Trainer"
        }
    }
}

/// One action a staff member may be allowed to take.
public enum Permission: String, Codable, Sendable, CaseIterable {
    case viewTickets, editTickets, deleteTickets, mergeTickets
    case viewContacts, editContacts, mergeContacts
    case viewUsers, manageUsers
    case manageTeams
    case manageSharedViews
    case manageFields
    /// Business hours, SLA policies, escalation tiers.
    case manageServiceLevels
    case viewAudit
    case manageOwnTokens
    case manageSettings

    /// What every agent-like role can do.
    public static let agentWork: Set<Permission> = [
        .viewTickets, .editTickets, .mergeTickets, .viewContacts, .editContacts, .manageOwnTokens,
    ]
}
