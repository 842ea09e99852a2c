import Foundation
import SwitchboardCore

/// Custom fields: their inputs on the ticket page, and the admin page that defines them.
extension HTMLWriter {
    /// One input per active definition, named `cf[key]`; checkboxes are listed in `cfbox[]` so
    /// an unticked one reads as "no" rather than "not sent".
    func customFieldInputs(_ definitions: [CustomFieldDefinition], values: [String: CustomFieldValue], errors: [String: String]) {
        for def in definitions where def.active {
            let id = "cf-\(def.key)"
            let error = errors["custom_fields.\(def.key)"]
            let value = values[def.key]
            tag("div", ["class": "field"]) {
                if def.kind == .checkbox {
                    void("input", ["type": "hidden", "name": "cfbox[]", "value": def.key])
                    tag("label", ["for": id]) {
                        void("input", ["type": "checkbox", "id": id, "name": "cf[\(def.key)]", "value": "true", "checked": value == .bool(true) ? "" : nil])
                        text(" " + def.label)
                    }
                } else {
                    tag("label", ["for": id]) { text(def.label) }
                    switch def.kind {
                    case .dropdown:
                        tag("select", ["id": id, "name": "cf[\(def.key)]", "aria-invalid": error == nil ? nil : "true"]) {
                            tag("option", ["value": ""]) { t("common.none") }
                            for option in def.options {
                                tag("option", ["value": option, "selected": value == .text(option) ? "" : nil]) { text(option) }
                            }
                        }
                    default:
                        let type = def.kind == .number ? "number" : def.kind == .date ? "date" : "text"
                        let shown: String? =
                            switch value {
                            case .text(let s): s
                            case .number(let n): n == n.rounded() ? String(Int64(n)) : String(n)
                            default: nil
                            }
                        void(
                            "input",
                            ["id": id, "name": "cf[\(def.key)]", "type": type, "step": def.kind == .number ? "any" : nil, "value": shown,
                             "required": def.required ? "" : nil, "aria-invalid": error == nil ? nil : "true"])
                    }
                }
                if let error { tag("p", ["class": "field-error"]) { text(error) } }
            }
        }
    }
}

/// Turns the submitted strings into values of the right kind; the validator judges them.
enum CustomFieldForm {
    static func values(_ submitted: [String: String], checkboxes: [String], definitions: [CustomFieldDefinition]) -> [String: CustomFieldValue] {
        var out: [String: CustomFieldValue] = [:]
        for def in definitions where def.active {
            if def.kind == .checkbox {
                if checkboxes.contains(def.key) { out[def.key] = .bool(submitted[def.key] == "true") }
                continue
            }
            guard let raw = submitted[def.key]?.trimmingCharacters(in: .whitespaces) else { continue }
            if raw.isEmpty {
                out[def.key] = .null
            } else if def.kind == .number, let n = Double(raw) {
                out[def.key] = .number(n)
            } else {
                out[def.key] = .text(raw)
            }
        }
        return out
    }
}

struct AdminFieldsModel {
    var definitions: [CustomFieldDefinition]
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
}

enum AdminFieldsView {
    static func render(_ m: AdminFieldsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("fields.title") }
                if m.definitions.isEmpty {
                    h.tag("p", ["class": "muted"]) { h.t("fields.none") }
                } else {
                    h.tag("table", ["class": "grid"]) {
                        h.tag("thead") {
                            h.tag("tr") {
                                for key in ["fields.label", "fields.key", "fields.kind", "fields.options", "fields.required"] {
                                    h.tag("th", ["scope": "col"]) { h.t(key) }
                                }
                            }
                        }
                        h.tag("tbody") {
                            for def in m.definitions {
                                h.tag("tr") {
                                    h.tag("td") { h.text(def.label) }
                                    h.tag("td") { h.tag("code") { h.text(def.key) } }
                                    h.tag("td") { h.t("fields.kind_" + def.kind.rawValue) }
                                    h.tag("td") { h.text(def.options.joined(separator: ", ")) }
                                    h.tag("td") { h.t(def.required ? "common.yes" : "common.no") }
                                }
                            }
                        }
                    }
                }
                h.tag("section", ["class": "card", "aria-labelledby": "new-field"]) {
                    h.tag("h2", ["id": "new-field"]) { h.t("fields.new") }
                    h.tag("form", ["method": "post", "action": "/admin/fields", "novalidate": ""]) {
                        h.csrfField(frame.csrf)
                        h.textField("label", label: "fields.label", value: m.draft["label"], error: m.errors["label"], required: true)
                        h.textField("key", label: "fields.key", value: m.draft["key"], error: m.errors["key"], required: true, hint: "fields.key_hint")
                        h.selectField(
                            "kind", label: "fields.kind", options: CustomFieldDefinition.Kind.allCases.map { ($0.rawValue, "fields.kind_" + $0.rawValue) },
                            selected: m.draft["kind"] ?? "text", error: m.errors["kind"])
                        h.textField("options", label: "fields.options", value: m.draft["options"], error: m.errors["options"], hint: "fields.options_hint")
                        h.tag("div", ["class": "field"]) {
                            h.tag("label", ["for": "required"]) {
                                h.void("input", ["type": "checkbox", "id": "required", "name": "required", "value": "true", "checked": m.draft["required"] == "true" ? "" : nil])
                                h.text(" ")
                                h.t("fields.required")
                            }
                        }
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("fields.create") }
                    }
                }
            }
        }
    }
}
