import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct RoleTests {
    @Test func adminHasEveryPermission() {
        // Given / When / Then
        for permission in Permission.allCases {
            #expect(Role.admin.allows(permission), "admin must allow \(permission)")
        }
    }

    @Test func managerHasEverythingButSettings() {
        // Given / When
        let missing = Set(Permission.allCases).subtracting(Role.manager.permissions)
        // Then
        #expect(missing == [.manageSettings])
    }

    @Test func agentCanWorkTicketsButNotManageUsers() {
        // Given
        let agent = Role.agent
        // When / Then
        #expect(agent.allows(.viewTickets))
        #expect(agent.allows(.editTickets))
        #expect(agent.allows(.mergeTickets))
        #expect(agent.allows(.editContacts))
        #expect(!agent.allows(.manageUsers))
        #expect(!agent.allows(.deleteTickets))
        #expect(!agent.allows(.viewAudit))
        #expect(!agent.allows(.manageSettings))
        #expect(!agent.allows(.manageFields))
    }

    @Test func qaAnalystCanViewAuditButNotEditTickets() {
        // Given
        let qa = Role.qaAnalyst
        // When / Then
        #expect(qa.allows(.viewAudit))
        #expect(qa.allows(.viewTickets))
        #expect(!qa.allows(.editTickets))
        #expect(!qa.allows(.editContacts))
        #expect(!qa.allows(.mergeTickets))
    }

    @Test func trainerOnlyReads() {
        // Given
        let trainer = Role.trainer
        // When / Then
        #expect(trainer.allows(.viewTickets))
        #expect(!trainer.allows(.editTickets))
        #expect(!trainer.allows(.viewAudit))
    }

    @Test func supervisorManagesTeamsButNotUsersOrSettings() {
        // Given
        let supervisor = Role.supervisor
        // When / Then
        #expect(supervisor.allows(.manageTeams))
        #expect(supervisor.allows(.viewAudit))
        #expect(supervisor.allows(.deleteTickets))
        #expect(!supervisor.allows(.manageUsers))
        #expect(!supervisor.allows(.manageSettings))
    }

    @Test func seniorAgentAddsSharedViewsAndContactMerges() {
        // Given / When
        let extra = Role.seniorAgent.permissions.subtracting(Role.agent.permissions)
        // Then
        #expect(extra == [.manageSharedViews, .mergeContacts])
    }

    @Test(arguments: Role.allCases)
    func everyRoleCanViewTicketsAndOwnTokens(role: Role) {
        // Given / When / Then
        #expect(role.allows(.viewTickets))
        #expect(role.allows(.manageOwnTokens))
        #expect(!role.displayName.isEmpty)
    }

    @Test(arguments: Role.allCases)
    func onlyAdminManagesSettings(role: Role) {
        // Given / When / Then
        #expect(role.allows(.manageSettings) == (role == .admin))
    }

    @Test func rolesDecodeFromTheirAPINames() throws {
        // Given
        let json = #"["admin", "senior_agent", "qa_analyst"]"#
        // When
        let roles = try JSONDecoder().decode([Role].self, from: Data(json.utf8))
        // Then
        #expect(roles == [.admin, .seniorAgent, .qaAnalyst])
    }
}
