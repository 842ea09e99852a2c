import SwitchboardCore

/// Labelled form fields with their error next to them; what the user typed stays in them.
extension HTMLWriter {
    func textField(
        _ name: String, label: String, value: String?, type: String = "text", error: String? = nil, required: Bool = false,
        autocomplete: String? = nil, hint: String? = nil
    ) {
        let errorId = "\(name)-error"
        let hintId = "\(name)-hint"
        let described = [error == nil ? nil : errorId, hint == nil ? nil : hintId].compactMap { $0 }.joined(separator: " ")
        tag("div", ["class": "field"]) {
            tag("label", ["for": name]) { t(label) }
            void(
                "input",
                ["id": name, "name": name, "type": type, "value": value, "required": required ? "" : nil, "autocomplete": autocomplete,
                 "aria-invalid": error == nil ? nil : "true", "aria-describedby": described.isEmpty ? nil : described])
            if let hint { tag("p", ["class": "hint", "id": hintId]) { t(hint) } }
            if let error { tag("p", ["class": "field-error", "id": errorId]) { text(error) } }
        }
    }

    /// A select whose option labels are catalogue keys.
    func selectField(_ name: String, label: String, options: [(value: String, key: String)], selected: String?, error: String? = nil) {
        tag("div", ["class": "field"]) {
            tag("label", ["for": name]) { t(label) }
            tag("select", ["id": name, "name": name, "aria-invalid": error == nil ? nil : "true"]) {
                for option in options {
                    tag("option", ["value": option.value, "selected": option.value == selected ? "" : nil]) { t(option.key) }
                }
            }
            if let error { tag("p", ["class": "field-error"]) { text(error) } }
        }
    }

    /// A select whose option labels are data (names, time zones), after a first option whose
    /// label is the catalogue key `noneKey` and whose value is empty.
    func selectField(
        _ name: String, label: String, noneKey: String, choices: [(value: String, label: String)], selected: String?, error: String? = nil
    ) {
        tag("div", ["class": "field"]) {
            tag("label", ["for": name]) { t(label) }
            tag("select", ["id": name, "name": name, "aria-invalid": error == nil ? nil : "true"]) {
                tag("option", ["value": "", "selected": (selected ?? "").isEmpty ? "" : nil]) { t(noneKey) }
                for choice in choices {
                    tag("option", ["value": choice.value, "selected": choice.value == selected ? "" : nil]) { text(choice.label) }
                }
            }
            if let error { tag("p", ["class": "field-error"]) { text(error) } }
        }
    }

    /// A group of checkboxes named `name` (an array field), ids made from `idPrefix`.
    func checkboxes(_ name: String, legend: String, options: [(id: Int64, label: String)], checked: Set<Int64>, idPrefix: String) {
        tag("fieldset", ["class": "choices"]) {
            tag("legend") { t(legend) }
            for option in options {
                tag("label", ["for": "\(idPrefix)-\(option.id)"]) {
                    void(
                        "input",
                        ["type": "checkbox", "id": "\(idPrefix)-\(option.id)", "name": name, "value": String(option.id),
                         "checked": checked.contains(option.id) ? "" : nil])
                    text(" " + option.label)
                }
            }
        }
    }

    func csrfField(_ token: String) {
        void("input", ["type": "hidden", "name": "_csrf", "value": token])
    }
}
