import Foundation

extension DemoWorkspace {
    /// The staff domain; `.example` is reserved, so no real mailbox is ever addressed.
    static let staffDomain = "nimbus-home.example"

    /// Eight people covering every role; the two agents and the senior agent do most ticket work.
    static func makeStaff() -> [Staff] {
        func person(_ name: String, _ role: Role, _ title: String, _ locale: SupportedLocale, _ teams: [String])
            -> Staff
        {
            let parts = name.split(separator: " ").map { transliterate(String($0), from: locale) }
            return Staff(
                name: name, email: parts.joined(separator: ".") + "@" + staffDomain, role: role, jobTitle: title,
                locale: locale.rawValue, teamNames: teams)
        }
        return [
            person("Olena Kovalenko", .admin, "Help Desk Administrator", .uk, ["Support", "Technical"]),
            person("James Whitfield", .manager, "Head of Customer Experience", .en,
                   ["Support", "Billing", "Technical", "Sales"]),
            person("Katarzyna Wiśniewska", .supervisor, "Support Team Lead", .pl, ["Support", "Billing"]),
            person("Dimitris Papadopoulos", .seniorAgent, "Senior Support Engineer", .el, ["Technical", "Support"]),
            person("Iryna Melnyk", .agent, "Support Hero", .uk, ["Support", "Billing"]),
            person("Pavel Sokolov", .agent, "Customer Care Specialist", .ru, ["Support", "Technical", "Sales"]),
            person("Sophie Bennett", .qaAnalyst, "Quality Assurance Analyst", .en, ["Support"]),
            person("Marek Zieliński", .trainer, "Onboarding & Training Lead", .pl, ["Support", "Sales"]),
        ]
    }

    /// Forty customer companies; exactly six are chosen as VIP by the seed.
    static func makeOrganizations(random: inout DemoRandom) -> [Organization] {
        var vip = Array(organizationTable.indices)
        random.shuffle(&vip)
        let vipIndices = Set(vip.prefix(6))
        return organizationTable.enumerated().map { index, row in
            Organization(name: row.name, domain: row.domain, tier: vipIndices.contains(index) ? "vip" : "standard")
        }
    }

    /// How many contacts write in each language; the sum is 300.
    static let contactQuota: [(SupportedLocale, Int)] = [(.en, 90), (.uk, 75), (.pl, 50), (.ru, 45), (.el, 40)]

    /// Made-up mailbox providers for contacts without an organization.
    static func personalDomains(_ locale: SupportedLocale) -> [String] {
        switch locale {
        case .en: ["mailbox.example.com", "inbox.example.net", "example.org"]
        case .uk: ["poshta.example.com.ua", "ukrnet.example.ua"]
        case .pl: ["poczta.example.pl", "skrzynka.example.pl"]
        case .ru: ["pochta.example.ru", "mail.example.ru"]
        case .el: ["mail.example.gr", "inbox.example.gr"]
        }
    }

    /// 300 contacts; about 70% work for an organization of their language and use its domain.
    static func makeContacts(organizations: [Organization], random: inout DemoRandom) -> [Contact] {
        var usedEmails = Set<String>()
        var usedPhones = Set<String>()
        var contacts: [Contact] = []
        for (locale, count) in contactQuota {
            let orgs = organizationTable.indices.filter { organizationTable[$0].locale == locale }
            let table = names(locale)
            for i in 0..<count {
                let female = random.chance(0.5)
                let first = random.pick(female ? table.female : table.male)
                let male = random.pick(table.surnames)
                let last = female ? femaleSurname(male, in: locale) : male
                // The first contacts fill every organization once; later ones join at random.
                let inOrganization = !orgs.isEmpty && (i < orgs.count || random.chance(0.68))
                let orgIndex: Int? = inOrganization ? (i < orgs.count ? orgs[i] : random.pick(orgs)) : nil
                let domain = orgIndex.map { organizations[$0].domain } ?? random.pick(personalDomains(locale))
                let email = uniqueEmail(
                    first: transliterate(first, from: locale), last: transliterate(last, from: locale),
                    domain: domain, personal: orgIndex == nil, used: &usedEmails, random: &random)
                var phone: String?
                if random.chance(1.0 / 3.0) {
                    phone = uniquePhone(locale, used: &usedPhones, random: &random)
                }
                contacts.append(
                    Contact(
                        name: "\(first) \(last)", email: email, phone: phone, locale: locale.rawValue,
                        organizationIndex: orgIndex))
            }
        }
        random.shuffle(&contacts)
        return contacts
    }

    private static func uniqueEmail(
        first: String, last: String, domain: String, personal: Bool, used: inout Set<String>,
        random: inout DemoRandom
    ) -> String {
        let initial = first.prefix(1)
        let styles =
            personal
            ? ["\(first).\(last)", "\(first)\(last)\(random.int(in: 70...99))", "\(initial).\(last)", "\(first)_\(last)"]
            : ["\(first).\(last)", "\(first).\(last)", "\(initial).\(last)", "\(first)"]
        let local = random.pick(styles)
        var candidate = "\(local)@\(domain)"
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(local)\(suffix)@\(domain)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// A mobile or landline number in E.164 with the country code of the language; UK and US
    /// numbers come from the ranges Ofcom and NANPA keep for fiction.
    static func phone(_ locale: SupportedLocale, random: inout DemoRandom) -> String {
        switch locale {
        case .uk:
            return "+380" + random.pick(["50", "63", "66", "67", "68", "73", "93", "95", "97", "98", "44"])
                + random.digits(7)
        case .pl:
            return "+48" + random.pick(["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"])
                + random.digits(7)
        case .ru:
            return "+7" + random.pick(["903", "905", "916", "921", "926", "985", "999", "495", "812"])
                + random.digits(7)
        case .el:
            return "+30" + random.pick(["690", "693", "694", "695", "697", "698", "699", "210", "231"])
                + random.digits(7)
        case .en:
            if random.chance(0.6) {
                return "+44" + random.pick(["7700900", "2079460"]) + String(format: "%03d", random.int(below: 1000))
            }
            return "+1" + random.pick(["212", "312", "415", "617", "206", "512", "303"]) + "55501"
                + String(format: "%02d", random.int(below: 100))
        }
    }

    private static func uniquePhone(
        _ locale: SupportedLocale, used: inout Set<String>, random: inout DemoRandom
    ) -> String? {
        for _ in 0..<20 {
            let candidate = phone(locale, random: &random)
            if used.insert(candidate).inserted { return candidate }
        }
        return nil
    }
}
