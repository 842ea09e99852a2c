import Foundation

extension DemoWorkspace {
    /// One made-up company: a name in its own language and script and an ASCII email domain.
    struct OrganizationRow {
        let name: String
        let domain: String
        let locale: SupportedLocale
    }

    /// Forty small and mid-sized companies; none is a real brand.
    static let organizationTable: [OrganizationRow] = [
        // English
        OrganizationRow(name: "Brightwater Analytics", domain: "brightwater-analytics.co.uk", locale: .en),
        OrganizationRow(name: "Harbor & Pine Outfitters", domain: "harborandpine.com", locale: .en),
        OrganizationRow(name: "Maple Lane Bakery", domain: "maplelanebakery.com", locale: .en),
        OrganizationRow(name: "Northfield Dental Group", domain: "northfield-dental.com", locale: .en),
        OrganizationRow(name: "Copperleaf Studios", domain: "copperleaf-studios.com", locale: .en),
        OrganizationRow(name: "Bluebell Travel", domain: "bluebelltravel.co.uk", locale: .en),
        OrganizationRow(name: "Redwood Property Management", domain: "redwood-pm.com", locale: .en),
        OrganizationRow(name: "Summit Ridge Fitness", domain: "summitridgefitness.com", locale: .en),
        OrganizationRow(name: "Oakham Legal LLP", domain: "oakham-legal.co.uk", locale: .en),
        OrganizationRow(name: "Greenway Freight", domain: "greenway-freight.com", locale: .en),
        OrganizationRow(name: "Falcon Print Works", domain: "falconprintworks.co.uk", locale: .en),
        OrganizationRow(name: "Silver Birch Hotels", domain: "silverbirch-hotels.com", locale: .en),
        // Ukrainian
        OrganizationRow(name: "Дніпро Агротех", domain: "dnipro-agrotech.com.ua", locale: .uk),
        OrganizationRow(name: "Львівська кавова майстерня", domain: "lviv-kava-lab.com.ua", locale: .uk),
        OrganizationRow(name: "Карпатські ремесла", domain: "karpaty-remesla.com.ua", locale: .uk),
        OrganizationRow(name: "Одеса Марин Сервіс", domain: "odesa-marine.com.ua", locale: .uk),
        OrganizationRow(name: "Київ Логістик Груп", domain: "kyiv-logistyk.com.ua", locale: .uk),
        OrganizationRow(name: "Полтавські смаколики", domain: "poltava-smakolyky.com.ua", locale: .uk),
        OrganizationRow(name: "Харківський софт", domain: "kharkiv-soft.com.ua", locale: .uk),
        OrganizationRow(name: "Чернігівська друкарня", domain: "chernihiv-print.com.ua", locale: .uk),
        OrganizationRow(name: "Зелена хата", domain: "zelena-khata.com.ua", locale: .uk),
        OrganizationRow(name: "Буковина Текстиль", domain: "bukovyna-textile.com.ua", locale: .uk),
        // Polish
        OrganizationRow(name: "Zakład Stolarski Kowalczyk", domain: "stolarnia-kowalczyk.pl", locale: .pl),
        OrganizationRow(name: "Łódzka Hurtownia Papieru", domain: "lodzka-hurtownia.pl", locale: .pl),
        OrganizationRow(name: "Gdańskie Żagle", domain: "gdanskie-zagle.pl", locale: .pl),
        OrganizationRow(name: "Kraków Smaków", domain: "krakow-smakow.pl", locale: .pl),
        OrganizationRow(name: "Śląski Serwis Grzewczy", domain: "slaski-serwis.com.pl", locale: .pl),
        OrganizationRow(name: "Wrocławska Pracownia Szkła", domain: "wroclaw-szklo.pl", locale: .pl),
        OrganizationRow(name: "Poznańskie Biuro Rachunkowe", domain: "poznan-rachunki.pl", locale: .pl),
        // Russian
        OrganizationRow(name: "Северный ветер", domain: "severny-veter.ru", locale: .ru),
        OrganizationRow(name: "Уральские самоцветы", domain: "uralskie-samocvety.ru", locale: .ru),
        OrganizationRow(name: "Волга Транзит", domain: "volga-tranzit.ru", locale: .ru),
        OrganizationRow(name: "Сибирский кедр", domain: "sibirsky-kedr.ru", locale: .ru),
        OrganizationRow(name: "Казанские технологии", domain: "kazan-tech.ru", locale: .ru),
        // Greek
        OrganizationRow(name: "Αιγαίο Ταξίδια", domain: "aigaio-taxidia.gr", locale: .el),
        OrganizationRow(name: "Όλυμπος Τρόφιμα", domain: "olympos-trofima.gr", locale: .el),
        OrganizationRow(name: "Κρητικό Ελαιόλαδο", domain: "kritiko-elaiolado.gr", locale: .el),
        OrganizationRow(name: "Θεσσαλονίκη Λογιστική", domain: "thess-logistiki.gr", locale: .el),
        OrganizationRow(name: "Ακρόπολις Ηλεκτρονικά", domain: "akropolis-ilektronika.gr", locale: .el),
        OrganizationRow(name: "Πελοπόννησος Οινοποιία", domain: "peloponnisos-wines.gr", locale: .el),
    ]
}
