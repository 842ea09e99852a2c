// Routing in the OpenAPI document (see OpenAPIDocument.swift): availability, skills, and the
// skills agents hold; schemas at the start of the schemas object.
extension OpenAPIDocument {
    static let routingPaths = #"""
            "/api/v1/users/{id}/availability": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The user's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getAvailability",
                "tags": ["routing"],
                "summary": "An agent's availability, capacity and open tickets",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The agent's status.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AgentStatus"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "setAvailability",
                "tags": ["routing"],
                "summary": "Set an agent's availability (and capacity)",
                "description": "Agents set their own availability; capacities and other people's availability need the right to manage staff. Going offline hands the agent's open tickets back to routing in teams that ask for it.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["availability"],
                        "properties": {
                          "availability": {"$ref": "#/components/schemas/Availability"},
                          "capacity": {"type": ["integer", "null"], "minimum": 0, "maximum": 1000, "description": "The most open tickets they take; null: no limit; left out: unchanged."}
                        },
                        "additionalProperties": false
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The agent's status now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AgentStatus"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/users/{id}/skills": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The user's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getUserSkills",
                "tags": ["routing"],
                "summary": "The skills an agent holds",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "Skills with levels.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserSkills"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "setUserSkills",
                "tags": ["routing"],
                "summary": "Replace the skills an agent holds",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserSkills"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "Skills with levels now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserSkills"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/skills": {
              "get": {
                "operationId": "listSkills",
                "tags": ["routing"],
                "summary": "List the skills",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "Every skill (one page).",
                    "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Skill"}}}}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createSkill",
                "tags": ["routing"],
                "summary": "Create a skill",
                "description": "A ticket of a skills-routed team needs the skill when one of its rules matches (type, tag or the requester's language).",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SkillInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Skill"}}},
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
            "/api/v1/skills/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The skill's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "put": {
                "operationId": "updateSkill",
                "tags": ["routing"],
                "summary": "Replace a skill",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SkillInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The skill now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Skill"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteSkill",
                "tags": ["routing"],
                "summary": "Delete a skill (agents lose it too)",
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

    static let routingSchemas = #"""
              "AssignmentStrategy": {
                "type": "string",
                "enum": ["manual", "round_robin", "least_open", "skills"],
                "description": "How a team's unassigned tickets find an agent: agents take them, in turn, to the fewest open tickets, or to those holding the skills the ticket needs."
              },
              "Availability": {"type": "string", "enum": ["online", "away", "offline"], "description": "Only online agents get tickets."},
              "AgentStatus": {
                "type": "object",
                "required": ["availability", "open_tickets"],
                "properties": {
                  "availability": {"$ref": "#/components/schemas/Availability"},
                  "capacity": {"type": "integer", "description": "The most open (new or open) tickets they take; absent: no limit."},
                  "open_tickets": {"type": "integer"}
                },
                "additionalProperties": false
              },
              "SkillRule": {
                "type": "object",
                "required": ["kind", "value"],
                "properties": {
                  "kind": {"type": "string", "enum": ["type", "tag", "language"]},
                  "value": {"type": "string", "minLength": 1, "maxLength": 64, "description": "A ticket type, a tag, or a language like pl."}
                },
                "additionalProperties": false
              },
              "SkillInput": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100},
                  "rules": {"type": "array", "items": {"$ref": "#/components/schemas/SkillRule"}},
                  "min_level": {"type": "integer", "minimum": 1, "maximum": 5, "description": "The level agents need at least (default 1)."}
                },
                "additionalProperties": false
              },
              "Skill": {
                "type": "object",
                "required": ["id", "name", "rules", "min_level"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "rules": {"type": "array", "items": {"$ref": "#/components/schemas/SkillRule"}},
                  "min_level": {"type": "integer", "minimum": 1, "maximum": 5}
                },
                "additionalProperties": false
              },
              "UserSkills": {
                "type": "object",
                "required": ["skills"],
                "properties": {
                  "skills": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["skill_id", "level"],
                      "properties": {"skill_id": {"$ref": "#/components/schemas/Id"}, "level": {"type": "integer", "minimum": 1, "maximum": 5}},
                      "additionalProperties": false
                    }
                  }
                },
                "additionalProperties": false
              },
"""#
}
