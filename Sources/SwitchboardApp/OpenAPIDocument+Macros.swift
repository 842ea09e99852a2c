// Macros in the OpenAPI document (see OpenAPIDocument.swift); schemas at the start of the schemas object.
extension OpenAPIDocument {
    static let macroPaths = #"""
            "/api/v1/macros": {
              "get": {
                "operationId": "listMacros",
                "tags": ["macros"],
                "summary": "The macros the asker may use, most used first",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "Personal, team and shared macros.",
                    "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Macro"}}}}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createMacro",
                "tags": ["macros"],
                "summary": "Create a macro",
                "description": "Personal by default; team and shared macros need the right to manage shared views.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MacroInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Macro"}}},
                    "headers": {"Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/macros/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The macro's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "put": {
                "operationId": "updateMacro",
                "tags": ["macros"],
                "summary": "Replace a macro",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MacroInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The macro now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Macro"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteMacro",
                "tags": ["macros"],
                "summary": "Delete a macro",
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/tickets/{id}/macros/{macro}": {
              "parameters": [
                {"name": "id", "in": "path", "required": true, "description": "The ticket's id.", "schema": {"$ref": "#/components/schemas/Id"}},
                {"name": "macro", "in": "path", "required": true, "description": "The macro's id.", "schema": {"$ref": "#/components/schemas/Id"}}
              ],
              "post": {
                "operationId": "applyMacro",
                "tags": ["macros"],
                "summary": "Apply a macro to a ticket",
                "description": "Its field changes are made now; its reply, in the requester's language (else English) with placeholders filled in, comes back for the composer. The use is counted.",
                "requestBody": {
                  "required": false,
                  "content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer", "format": "int64"}}, "additionalProperties": false}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The ticket now, and the reply.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["ticket"],
                          "properties": {"ticket": {"$ref": "#/components/schemas/Ticket"}, "reply": {"type": "string"}},
                          "additionalProperties": false
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
"""#

    static let macroSchemas = #"""
              "MacroInput": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "maxLength": 200},
                  "scope": {"type": "string", "enum": ["personal", "team", "shared"], "description": "personal (default), a team's (team_id), or everyone's."},
                  "team_id": {"$ref": "#/components/schemas/Id"},
                  "replies": {"type": "object", "additionalProperties": {"type": "string"}, "description": "The reply by language (en, uk, pl, ru, el…), with placeholders like {{requester.first_name}}."},
                  "actions": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationAction"}, "description": "Field changes only: set_status, set_priority, set_type, assign, set_team, add_tags, remove_tags."}
                },
                "additionalProperties": false
              },
              "Macro": {
                "type": "object",
                "required": ["id", "name", "actions", "replies", "usage_count"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "owner_id": {"$ref": "#/components/schemas/Id"},
                  "team_id": {"$ref": "#/components/schemas/Id"},
                  "actions": {"type": "array", "items": {"$ref": "#/components/schemas/AutomationAction"}},
                  "replies": {"type": "object", "additionalProperties": {"type": "string"}},
                  "usage_count": {"type": "integer"}
                },
                "additionalProperties": false
              },
"""#
}
