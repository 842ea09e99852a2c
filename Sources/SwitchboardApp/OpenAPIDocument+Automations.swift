// Automations in the OpenAPI document (see OpenAPIDocument.swift): triggers, time rules and dry
// runs; schemas at the start of the schemas object.
extension OpenAPIDocument {
    static let automationPaths = #"""
            "/api/v1/automations": {
              "get": {
                "operationId": "listAutomations",
                "tags": ["automations"],
                "summary": "List the triggers and time rules in the order they run",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "Every rule (one page).",
                    "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Automation"}}}}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createAutomation",
                "tags": ["automations"],
                "summary": "Create a trigger or a time rule",
                "description": "Triggers run on ticket created, updated or replied (each at most once per chain of changes; a chain stops after 5 rounds). Time rules run once a minute and must undo one of their own conditions, so they act once per ticket.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AutomationInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Automation"}}},
                    "headers": {"Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/automations/dry-run": {
              "post": {
                "operationId": "dryRunAutomation",
                "tags": ["automations"],
                "summary": "Which existing tickets a rule would act on, and how",
                "description": "Tries the rule in the body on the latest 1,000 tickets not closed (a trigger as on its first event, with no field changed; on replies, with the ticket's latest public message), with the requester and organization a real run sees. Nothing is changed.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AutomationInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The tickets it would act on (at most 100 listed).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["checked", "matched", "items"],
                          "properties": {
                            "checked": {"type": "integer"},
                            "matched": {"type": "integer"},
                            "items": {
                              "type": "array",
                              "items": {
                                "type": "object",
                                "required": ["id", "number", "subject", "changes", "also"],
                                "properties": {
                                  "id": {"$ref": "#/components/schemas/Id"},
                                  "number": {"type": "integer"},
                                  "subject": {"type": "string"},
                                  "changes": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Field → value after."},
                                  "also": {"type": "array", "items": {"type": "string"}, "description": "The kinds of its note, mail and webhook actions it would also run."}
                                },
                                "additionalProperties": false
                              }
                            }
                          },
                          "additionalProperties": false
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/automations/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The rule's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getAutomation",
                "tags": ["automations"],
                "summary": "One rule",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The rule.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Automation"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "updateAutomation",
                "tags": ["automations"],
                "summary": "Replace a rule",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AutomationInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The rule now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Automation"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteAutomation",
                "tags": ["automations"],
                "summary": "Delete a rule",
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
"""#

    static let automationSchemas = #"""
              "AutomationCondition": {
                "type": "object",
                "required": ["field", "operator"],
                "properties": {
                  "field": {
                    "type": "string",
                    "enum": ["status", "priority", "type", "channel", "tags", "subject", "message", "assignee", "team", "requester", "organization",
                             "requester_email", "organization_tier", "hours_since_created", "hours_since_updated", "hours_since_pending", "hours_since_solved"]
                  },
                  "operator": {
                    "type": "string",
                    "enum": ["is", "is_not", "contains", "not_contains", "includes", "excludes", "greater_than", "less_than", "changed", "changed_to", "changed_from"]
                  },
                  "value": {"description": "A status, priority, type, channel or tier name; text; a tag; an id (null: none); or hours."}
                },
                "additionalProperties": false
              },
              "AutomationAction": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": ["set_status", "set_priority", "set_type", "assign", "set_team", "add_tags", "remove_tags", "add_note", "email_requester",
                             "email_assignee", "email_team", "webhook"]
                  },
                  "value": {"description": "The status, priority or type; the user or team id (null: none); the tags."},
                  "subject": {"type": "string", "description": "For emails; placeholders like {{ticket.number}} are filled in."},
                  "body": {"type": "string", "description": "For notes and emails; placeholders are filled in."},
                  "url": {"type": "string", "description": "For webhooks: http or https."},
                  "secret": {"type": "string", "description": "For webhooks: the body is signed with HMAC-SHA256 in X-Switchboard-Signature. Never shown again; a rule saved without it keeps the one its webhook had."}
                },
                "additionalProperties": false
              },
              "AutomationInput": {
                "type": "object",
                "required": ["name", "kind", "actions"],
                "properties": {
                  "name": {"type": "string", "maxLength": 200},
                  "kind": {"type": "string", "enum": ["trigger", "time_rule"]},
                  "active": {"type": "boolean"},
                  "position": {"type": "integer"},
                  "events": {"type": "array", "items": {"type": "string", "enum": ["created", "updated", "replied"]}},
                  "all": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationCondition"}},
                  "any": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationCondition"}},
                  "actions": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/AutomationAction"}}
                },
                "additionalProperties": false
              },
              "Automation": {
                "type": "object",
                "required": ["id", "name", "kind", "active", "position", "events", "all", "any", "actions"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "kind": {"type": "string", "enum": ["trigger", "time_rule"]},
                  "active": {"type": "boolean"},
                  "position": {"type": "integer"},
                  "events": {"type": "array", "items": {"type": "string", "enum": ["created", "updated", "replied"]}},
                  "all": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationCondition"}},
                  "any": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationCondition"}},
                  "actions": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationAction"}}
                },
                "additionalProperties": false
              },
"""#
}
