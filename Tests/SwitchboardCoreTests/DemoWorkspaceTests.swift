import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct DemoWorkspaceTests {
    /// Generated once: every test reads the same workspace.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let shared = DemoWorkspace.generate(seed: 42, now: now)

    var now: Date { Self.now }
    var workspace: DemoWorkspace { Self.shared }

    @Test func hasTheDocumentedNumberOfRecords() {
        // Given / When: the workspace generated in the suite
        // Then
        #expect(workspace.teams.map(\.name) == ["Support", "Billing", "Technical", "Sales"])
        #expect(workspace.staff.count == 8)
        #expect(workspace.contacts.count == 300)
        #expect(workspace.organizations.count == 40)
        #expect(workspace.tickets.count == 2_000)
    }

    @Test func staffCoverEveryRoleWithTitlesAndTeams() {
        // Given
        let teamNames = Set(workspace.teams.map(\.name))
        // When
        let roles = Set(workspace.staff.map(\.role))
        let agents = workspace.staff.filter { $0.role == .agent }
        // Then
        #expect(roles == Set(Role.allCases))
        #expect((2...3).contains(agents.count))
        for person in workspace.staff {
            #expect(!person.jobTitle.isEmpty && person.jobTitle.count <= Limits.jobTitle)
            #expect(!person.teamNames.isEmpty)
            #expect(Set(person.teamNames).isSubset(of: teamNames))
            #expect(SupportedLocale(rawValue: person.locale) != nil)
        }
    }

    @Test func sameSeedGivesTheSameWorkspace() {
        // Given
        let seed: UInt64 = 7
        // When
        let first = DemoWorkspace.generate(seed: seed, now: now)
        let second = DemoWorkspace.generate(seed: seed, now: now)
        let other = DemoWorkspace.generate(seed: seed + 1, now: now)
        // Then
        #expect(first == second)
        #expect(first != other)
    }

    @Test func allFiveLanguagesAppearAmongContactsAndTickets() {
        // Given
        let all = Set(SupportedLocale.allCases.map(\.rawValue))
        // When
        let contactLocales = Set(workspace.contacts.map(\.locale))
        let ticketLocales = Set(workspace.tickets.map { workspace.contacts[$0.requesterIndex].locale })
        // Then
        #expect(contactLocales == all)
        #expect(ticketLocales == all)
    }

    @Test func namesAndTicketsAreWrittenInTheContactsOwnScript() {
        // Given
        func has(_ text: String, _ range: ClosedRange<UInt32>) -> Bool {
            text.unicodeScalars.contains { range.contains($0.value) }
        }
        let cyrillic: ClosedRange<UInt32> = 0x0400...0x04FF
        let greek: ClosedRange<UInt32> = 0x0370...0x03FF
        // When / Then
        for contact in workspace.contacts {
            switch contact.locale {
            case "uk", "ru": #expect(has(contact.name, cyrillic), "\(contact.name)")
            case "el": #expect(has(contact.name, greek), "\(contact.name)")
            default: #expect(contact.name.unicodeScalars.allSatisfy { !cyrillic.contains($0.value) })
            }
        }
        for ticket in workspace.tickets {
            let locale = workspace.contacts[ticket.requesterIndex].locale
            let text = ticket.subject + (ticket.messages.first?.body ?? "")
            if locale == "uk" || locale == "ru" { #expect(has(text, cyrillic), "\(ticket.subject)") }
            if locale == "el" { #expect(has(text, greek), "\(ticket.subject)") }
        }
        let polish = workspace.contacts.filter { $0.locale == "pl" }.map(\.name).joined()
        #expect(polish.contains { "łśćżźąęóń".contains($0) })
    }

    @Test func emailsAreUniqueLowerCaseAndValid() throws {
        // Given
        let emails = workspace.contacts.map(\.email) + workspace.staff.map(\.email)
        // When
        let parsed = try emails.map { try EmailAddress($0) }
        // Then
        #expect(Set(emails).count == emails.count)
        #expect(parsed.map(\.value) == emails)
        #expect(emails.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func organizationsHaveDomainsAndSixAreVip() throws {
        // Given / When
        let vip = workspace.organizations.filter { $0.tier == "vip" }
        // Then
        #expect(vip.count == 6)
        #expect(workspace.organizations.allSatisfy { $0.tier == "vip" || $0.tier == "standard" })
        #expect(Set(workspace.organizations.map(\.domain)).count == 40)
        for organization in workspace.organizations {
            _ = try EmailAddress("info@" + organization.domain)
        }
    }

    @Test func mostContactsWorkForAnOrganizationAndUseItsDomain() {
        // Given
        let members = workspace.contacts.filter { $0.organizationIndex != nil }
        // When
        let share = Double(members.count) / Double(workspace.contacts.count)
        // Then
        #expect((0.6...0.8).contains(share))
        for contact in members {
            guard let index = contact.organizationIndex else { continue }
            #expect(workspace.organizations.indices.contains(index))
            #expect(contact.email.hasSuffix("@" + workspace.organizations[index].domain))
        }
    }

    @Test func aboutAThirdOfContactsHaveValidPhoneNumbers() throws {
        // Given
        let codes = ["+380", "+48", "+7", "+30", "+44", "+1"]
        // When
        let phones = workspace.contacts.compactMap(\.phone)
        // Then
        #expect((70...130).contains(phones.count))
        for phone in phones {
            #expect(try PhoneNumber(phone).value == phone)
            #expect(codes.contains { phone.hasPrefix($0) })
        }
    }

    @Test func ticketsFallInTheLast90DaysWithMessagesInOrder() {
        // Given
        let start = now.addingTimeInterval(-90 * 86_400)
        // When / Then
        #expect(workspace.tickets.map(\.createdAt) == workspace.tickets.map(\.createdAt).sorted())
        for ticket in workspace.tickets {
            #expect(ticket.createdAt >= start && ticket.createdAt <= now)
            #expect((1...6).contains(ticket.messages.count))
            #expect(ticket.messages.first?.createdAt == ticket.createdAt)
            #expect(ticket.messages.first?.authorKind == .contact)
            for (earlier, later) in zip(ticket.messages, ticket.messages.dropFirst()) {
                #expect(earlier.createdAt < later.createdAt)
            }
            #expect((ticket.messages.last?.createdAt ?? now) <= now)
        }
    }

    @Test func solvedAndClosedTicketsHaveAStaffPublicReply() {
        // Given
        let done = workspace.tickets.filter { !$0.status.isUnsolved }
        // When / Then
        #expect(!done.isEmpty)
        for ticket in done {
            #expect(ticket.messages.contains { $0.authorKind == .staff && $0.visibility == .public })
            #expect(ticket.assigneeIndex != nil)
        }
    }

    @Test func newTicketsHaveOnlyTheCustomersFirstMessageAndNoAssignee() {
        // Given
        let new = workspace.tickets.filter { $0.status == .new }
        // When / Then
        #expect(!new.isEmpty)
        for ticket in new {
            #expect(ticket.assigneeIndex == nil)
            #expect(ticket.messages.count == 1)
            #expect(ticket.messages.first?.authorKind == .contact)
        }
    }

    @Test func recentTicketsAreMoreOftenUnsolvedThanOldOnes() {
        // Given
        let week = now.addingTimeInterval(-7 * 86_400)
        let month = now.addingTimeInterval(-30 * 86_400)
        func unsolvedShare(_ tickets: [DemoWorkspace.Ticket]) -> Double {
            Double(tickets.filter(\.status.isUnsolved).count) / Double(max(tickets.count, 1))
        }
        // When
        let recent = unsolvedShare(workspace.tickets.filter { $0.createdAt > week })
        let old = unsolvedShare(workspace.tickets.filter { $0.createdAt < month })
        // Then
        #expect(recent > 0.3)
        #expect(old < 0.15)
    }

    @Test func referencesPointAtExistingRecordsAndTeamMembers() {
        for ticket in workspace.tickets {
            #expect(workspace.contacts.indices.contains(ticket.requesterIndex))
            if let team = ticket.teamName { #expect(DemoWorkspace.teamNames.contains(team)) }
            if let assignee = ticket.assigneeIndex {
                #expect(workspace.staff.indices.contains(assignee))
                if let team = ticket.teamName { #expect(workspace.staff[assignee].teamNames.contains(team)) }
            }
            for message in ticket.messages {
                #expect((message.authorKind == .staff) == (message.staffIndex != nil))
                if let index = message.staffIndex { #expect(workspace.staff.indices.contains(index)) }
                #expect(message.authorKind == .staff || message.visibility == .public)
            }
        }
    }

    @Test func textsHaveNoUnfilledPlaceholdersAndFitTheLimits() throws {
        for ticket in workspace.tickets {
            #expect(!ticket.subject.contains("{") && ticket.subject.count <= Limits.subject, "\(ticket.subject)")
            #expect(try Tags.normalize(ticket.tags) == ticket.tags)
            for message in ticket.messages {
                #expect(!message.body.contains("{") && !message.body.isEmpty, "\(message.body)")
            }
        }
    }

    @Test func vipOrganizationsTicketsAreTaggedVip() {
        for ticket in workspace.tickets {
            let contact = workspace.contacts[ticket.requesterIndex]
            let vip = contact.organizationIndex.map { workspace.organizations[$0].tier == "vip" } ?? false
            #expect(ticket.tags.contains("vip") == vip)
        }
    }

    @Test func billingScenariosGoToBilling() {
        // Given
        let billingTags: Set<String> = ["invoice", "double_charge", "cancellation"]
        // When
        let billing = workspace.tickets.filter { !billingTags.isDisjoint(with: $0.tags) && $0.teamName != nil }
        // Then
        #expect(!billing.isEmpty)
        #expect(billing.allSatisfy { $0.teamName == "Billing" })
    }

    @Test func everyTopicHasTheSameShapeOfScriptInEveryLanguage() {
        // Given: the English scripts as the reference shape
        for topic in DemoWorkspace.Topic.allCases {
            let reference = DemoWorkspace.script(topic, in: .en)
            let scenario = DemoWorkspace.scenario(topic)
            for locale in SupportedLocale.allCases {
                // When
                let script = DemoWorkspace.script(topic, in: locale)
                // Then: two stories per topic, every later list continues both or each one
                #expect(script.openings.count == 2, "\(topic) \(locale)")
                #expect(script.subjects.count == reference.subjects.count, "\(topic) \(locale)")
                #expect(script.replies.count == reference.replies.count, "\(topic) \(locale)")
                #expect(script.followUps.count == reference.followUps.count, "\(topic) \(locale)")
                #expect(script.resolutions.count == reference.resolutions.count, "\(topic) \(locale)")
                for list in [script.replies, script.followUps, script.resolutions] {
                    #expect((1...2).contains(list.count), "\(topic) \(locale)")
                }
            }
            #expect(scenario.subjectChoices.joined().allSatisfy { reference.subjects.indices.contains($0) })
            #expect(!scenario.notes.isEmpty && !scenario.channels.isEmpty)
        }
        for locale in SupportedLocale.allCases {
            let book = DemoWorkspace.phrasebook(locale)
            #expect(!book.products.isEmpty && !book.thanks.isEmpty && !book.holds.isEmpty && !book.nudges.isEmpty)
        }
    }

    @Test func transliterationGivesReadableAsciiNames() {
        // Given / When / Then
        #expect(DemoWorkspace.transliterate("Наталія Яворська", from: .uk) == "nataliiayavorska")
        #expect(DemoWorkspace.transliterate("Юрій", from: .uk) == "yurii")
        #expect(DemoWorkspace.transliterate("Алексей Соловьёв", from: .ru) == "alekseysolovev")
        #expect(DemoWorkspace.transliterate("Ευαγγελία Παπαδοπούλου", from: .el) == "evangeliapapadopoulou")
        #expect(DemoWorkspace.transliterate("Łukasz Wiśniewski", from: .pl) == "lukaszwisniewski")
    }
}
