import Foundation
import SwitchboardCore
import Vapor

extension User {
    /// The zone pages write this user's times in: their own choice, else UTC (which the
    /// page's script turns into the browser's zone).
    var pageTimeZone: TimeZone { timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC") ?? .current }
}

/// The catalogues shipped with the app, read once at start.
struct Catalogs: Sendable {
    static let languages = ["en", "uk"]
    let byLanguage: [String: Catalog]

    static func load() throws -> Catalogs {
        var out: [String: Catalog] = [:]
        for language in languages {
            guard let url = Bundle.module.url(forResource: language, withExtension: "json", subdirectory: "Resources/Locales") else {
                throw CatalogError("the \(language) catalogue is missing from the app's resources")
            }
            out[language] = try Catalog(language: language, json: Data(contentsOf: url))
        }
        return Catalogs(byLanguage: out)
    }

    func localizer(_ language: String) -> Localizer {
        let english = byLanguage["en"] ?? Catalog(language: "en", entries: [:])
        return Localizer(catalog: byLanguage[language] ?? english, fallback: english)
    }
}

extension Application {
    private struct CatalogsKey: StorageKey { typealias Value = Catalogs }

    var catalogs: Catalogs {
        get { storage[CatalogsKey.self] ?? Catalogs(byLanguage: [:]) }
        set { storage[CatalogsKey.self] = newValue }
    }
}

extension Request {
    /// The language of a staff member: theirs if we have it, else the browser's, else English.
    func localizer(for user: User?) -> Localizer {
        let catalogs = application.catalogs
        if let language = user?.locale.split(separator: "-").first.map(String.init), Catalogs.languages.contains(language) {
            return catalogs.localizer(language)
        }
        return localizer
    }

    /// The browser's language (Accept-Language), else English.
    var localizer: Localizer {
        let header = headers.first(name: .acceptLanguage) ?? ""
        return application.catalogs.localizer(Localizer.negotiate(acceptLanguage: header, available: Catalogs.languages) ?? "en")
    }
}
