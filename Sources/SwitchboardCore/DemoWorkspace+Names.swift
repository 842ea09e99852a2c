import Foundation

extension DemoWorkspace {
    /// Given names and surnames of one language, in its own script.
    struct NameTable {
        let male: [String]
        let female: [String]
        /// Male forms; `femaleSurname(_:in:)` derives the female form.
        let surnames: [String]
    }

    static func names(_ locale: SupportedLocale) -> NameTable {
        switch locale {
        case .en:
            NameTable(
                male: ["James", "Oliver", "Daniel", "Michael", "Thomas", "Henry", "Samuel", "Benjamin", "Lucas",
                       "Ethan", "Jack", "William", "Noah", "Ryan", "Adam", "Matthew", "Christopher", "Andrew"],
                female: ["Emily", "Olivia", "Charlotte", "Sophie", "Grace", "Hannah", "Amelia", "Chloe", "Jessica",
                         "Lucy", "Emma", "Megan", "Rachel", "Laura", "Isabel", "Natalie", "Ava", "Abigail"],
                surnames: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Roberts", "Walker",
                           "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris",
                           "Clarke", "Turner", "Parker", "Mitchell", "Cooper", "Morgan", "Bennett", "Reed", "Foster",
                           "Hayes", "Sullivan", "O'Brien"])
        case .uk:
            NameTable(
                male: ["Олександр", "Андрій", "Дмитро", "Сергій", "Володимир", "Микола", "Тарас", "Богдан", "Юрій",
                       "Олег", "Ігор", "Максим", "Василь", "Петро", "Артем", "Євген", "Остап", "Назар"],
                female: ["Олена", "Ірина", "Наталія", "Оксана", "Тетяна", "Юлія", "Марія", "Анна", "Катерина",
                         "Софія", "Ганна", "Леся", "Христина", "Дарина", "Вікторія", "Людмила", "Соломія", "Ярослава"],
                surnames: ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник",
                           "Шевчук", "Бойко", "Коваль", "Поліщук", "Лисенко", "Марченко", "Савчук", "Руденко",
                           "Гончаренко", "Петренко", "Кравчук", "Ковальський", "Левицький", "Яворський",
                           "Грушевський", "Зарицький", "Федорів", "Іваненко", "Ярема"])
        case .pl:
            NameTable(
                male: ["Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Jakub",
                       "Grzegorz", "Mateusz", "Wojciech", "Kamil", "Maciej", "Rafał", "Dawid", "Bartłomiej", "Szymon"],
                female: ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna",
                         "Aleksandra", "Zofia", "Monika", "Beata", "Dorota", "Justyna", "Weronika", "Żaneta", "Halina",
                         "Elżbieta"],
                surnames: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
                           "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
                           "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Król",
                           "Wieczorek", "Jabłoński", "Majewski", "Górski", "Żak", "Sikora", "Łuczak"])
        case .ru:
            NameTable(
                male: ["Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Михаил", "Иван", "Николай", "Павел",
                       "Владимир", "Евгений", "Константин", "Артём", "Максим", "Игорь", "Роман", "Виктор", "Денис"],
                female: ["Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Екатерина", "Мария", "Светлана",
                         "Юлия", "Анастасия", "Дарья", "Ксения", "Марина", "Людмила", "Вера", "Полина", "Алина"],
                surnames: ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
                           "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
                           "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Захаров",
                           "Зайцев", "Соловьёв", "Борисов", "Белов"])
        case .el:
            NameTable(
                male: ["Γιώργος", "Δημήτρης", "Νίκος", "Κώστας", "Γιάννης", "Παναγιώτης", "Χρήστος", "Βασίλης",
                       "Αντώνης", "Μιχάλης", "Σπύρος", "Θανάσης", "Στέλιος", "Άγγελος", "Πέτρος", "Ηλίας", "Λευτέρης",
                       "Αλέξανδρος"],
                female: ["Μαρία", "Ελένη", "Κατερίνα", "Βασιλική", "Σοφία", "Αγγελική", "Δήμητρα", "Γεωργία",
                         "Ευαγγελία", "Χριστίνα", "Ιωάννα", "Άννα", "Δέσποινα", "Φωτεινή", "Ειρήνη", "Αικατερίνη",
                         "Μαρίνα", "Νεφέλη"],
                surnames: ["Παπαδόπουλος", "Παπαδάκης", "Γεωργίου", "Οικονόμου", "Νικολάου", "Παπαγεωργίου",
                           "Βασιλείου", "Καραγιάννης", "Αντωνίου", "Δημητρίου", "Ιωάννου", "Μακρής", "Αλεξίου",
                           "Κωνσταντίνου", "Παππάς", "Σταματόπουλος", "Χατζηδάκης", "Λαμπράκης", "Αθανασίου",
                           "Μαυρίδης", "Κυριακίδης", "Ζαχαρίου"])
        }
    }

    /// The female form of a surname: Kowalski → Kowalska, Иванов → Иванова, Παπαδάκης → Παπαδάκη.
    static func femaleSurname(_ male: String, in locale: SupportedLocale) -> String {
        func replacing(_ suffix: String, with replacement: String) -> String? {
            male.hasSuffix(suffix) ? String(male.dropLast(suffix.count)) + replacement : nil
        }
        switch locale {
        case .en:
            return male
        case .pl:
            return replacing("ki", with: "ka") ?? male
        case .uk:
            return replacing("ький", with: "ька") ?? male
        case .ru:
            if male.hasSuffix("ов") || male.hasSuffix("ев") || male.hasSuffix("ёв") || male.hasSuffix("ин") {
                return male + "а"
            }
            return replacing("ский", with: "ская") ?? male
        case .el:
            return replacing("όπουλος", with: "οπούλου") ?? replacing("ης", with: "η") ?? replacing("ής", with: "ή")
                ?? replacing("ας", with: "α") ?? replacing("άς", with: "ά") ?? male
        }
    }

    /// Lower-case ASCII letters and digits for an email local part: "Наталія" → "nataliia",
    /// "Γιώργος" → "giorgos", "Łukasz" → "lukasz". Ukrainian follows the 2010 national system,
    /// Greek the ELOT 743 rules for αυ/ευ/ου and γγ/γκ.
    static func transliterate(_ text: String, from locale: SupportedLocale) -> String {
        let characters = Array(text.lowercased())
        var out = ""
        for (i, ch) in characters.enumerated() {
            let previous: Character? = i > 0 ? characters[i - 1] : nil
            let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            let wordStart = !(previous?.isLetter ?? false)
            out += latin(ch, previous: previous, next: next, wordStart: wordStart, locale: locale)
        }
        return String(out.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    private static func latin(
        _ ch: Character, previous: Character?, next: Character?, wordStart: Bool, locale: SupportedLocale
    ) -> String {
        switch locale {
        case .uk:
            switch ch {
            case "є": return wordStart ? "ye" : "ie"
            case "ї": return wordStart ? "yi" : "i"
            case "й": return wordStart ? "y" : "i"
            case "ю": return wordStart ? "yu" : "iu"
            case "я": return wordStart ? "ya" : "ia"
            case "г": return "h"
            case "и": return "y"
            default: return cyrillic[ch] ?? String(ch)
            }
        case .ru:
            return cyrillic[ch] ?? String(ch)
        case .el:
            if ch == "υ" || ch == "ύ" {
                if let previous, "αάεέ".contains(previous) { return "v" }
                if let previous, "οό".contains(previous) { return "u" }
            }
            if ch == "γ", let next, "γκξχ".contains(next) { return "n" }
            return greek[ch] ?? String(ch)
        case .pl:
            return polish[ch] ?? String(ch)
        case .en:
            return String(ch)
        }
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "і": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    private static let greek: [Character: String] = [
        "α": "a", "ά": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "έ": "e", "ζ": "z", "η": "i", "ή": "i",
        "θ": "th", "ι": "i", "ί": "i", "ϊ": "i", "ΐ": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x",
        "ο": "o", "ό": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "ύ": "y", "ϋ": "y",
        "ΰ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ώ": "o",
    ]

    private static let polish: [Character: String] = [
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
    ]
}
