// Service levels in the OpenAPI document (see OpenAPIDocument.swift): business hours, SLA
// policies, escalation tiers and an agent's escalation; schemas at the start of the schemas object.
extension OpenAPIDocument {
    static let slaPaths = #"""
            "/api/v1/business-hours": {
              "get": {
                "operationId": "listBusinessHours",
                "tags": ["service-levels"],
                "summary": "List the business-hours calendars",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "Every calendar (one page).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHoursPage"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createBusinessHours",
                "tags": ["service-levels"],
                "summary": "Create business hours",
                "description": "A time zone, opening hours per weekday (Monday first) and holidays. Overlapping or empty hours are refused.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHoursInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHours"}}},
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
            "/api/v1/business-hours/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The calendar's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getBusinessHours",
                "tags": ["service-levels"],
                "summary": "One business-hours calendar",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The calendar.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHours"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "updateBusinessHours",
                "tags": ["service-levels"],
                "summary": "Replace business hours",
                "description": "Open tickets under a policy that uses them are re-timed on the new hours within seconds (in the background, 1,000 per transaction).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHoursInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The calendar now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BusinessHours"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteBusinessHours",
                "tags": ["service-levels"],
                "summary": "Delete business hours no policy uses",
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"}
                }
              }
            },
            "/api/v1/sla-policies": {
              "get": {
                "operationId": "listSLAPolicies",
                "tags": ["service-levels"],
                "summary": "List the SLA policies in the order they are tried",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "Every policy (one page).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicyPage"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createSLAPolicy",
                "tags": ["service-levels"],
                "summary": "Create an SLA policy",
                "description": "The first active policy (by position) whose conditions match a ticket applies to it. New policies go last unless a position is given.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicyInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Created.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicy"}}},
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
            "/api/v1/sla-policies/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The policy's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getSLAPolicy",
                "tags": ["service-levels"],
                "summary": "One SLA policy",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The policy.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicy"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "updateSLAPolicy",
                "tags": ["service-levels"],
                "summary": "Replace an SLA policy",
                "description": "Unsolved tickets are re-timed under the changed policies within seconds (in the background); their clocks keep when they started, their pauses and the escalations done. Solved tickets keep their clocks.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicyInput"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The policy now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SLAPolicy"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteSLAPolicy",
                "tags": ["service-levels"],
                "summary": "Delete an SLA policy",
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/escalation-tiers": {
              "get": {
                "operationId": "getEscalationTiers",
                "tags": ["service-levels"],
                "summary": "The teams of tier 2 and tier 3",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The tier teams.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EscalationTiers"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "put": {
                "operationId": "setEscalationTiers",
                "tags": ["service-levels"],
                "summary": "Set the teams of tier 2 (senior agents) and tier 3 (support engineers)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EscalationTiers"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The tier teams now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EscalationTiers"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/transfer": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The ticket's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "post": {
                "operationId": "transferTicket",
                "tags": ["service-levels"],
                "summary": "Transfer a ticket to another department's team",
                "description": "The team changes, the assignee is cleared (the team's routing picks it up) and the note is kept as an internal note.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["team_id", "note"],
                        "properties": {
                          "team_id": {"$ref": "#/components/schemas/Id"},
                          "note": {"type": "string", "minLength": 1, "maxLength": 65536},
                          "version": {"type": "integer", "format": "int64"}
                        },
                        "additionalProperties": false
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The ticket now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/collaborators": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The ticket's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "post": {
                "operationId": "inviteCollaborators",
                "tags": ["service-levels"],
                "summary": "Invite colleagues from other teams into the internal conversation",
                "description": "They follow the ticket, and an internal note addressed to them (@name) tells them by mail.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["user_ids", "note"],
                        "properties": {
                          "user_ids": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Id"}},
                          "note": {"type": "string", "minLength": 1, "maxLength": 65536}
                        },
                        "additionalProperties": false
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The ticket now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/escalate": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The ticket's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "post": {
                "operationId": "escalateTicket",
                "tags": ["service-levels"],
                "summary": "Hand a ticket to the next tier",
                "description": "Raises the escalation level and moves the ticket to that tier's team (unassigned) when one is set; the note is kept as an internal note.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "note": {"type": "string", "maxLength": 65536, "description": "Why; kept as an internal note."},
                          "version": {"type": "integer", "format": "int64", "description": "The version the agent saw; a stale one gets 409."}
                        },
                        "additionalProperties": false
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The ticket now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}},
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

    static let slaSchemas = #"""
              "OpeningInterval": {
                "type": "object",
                "required": ["start", "end"],
                "properties": {
                  "start": {"type": "string", "pattern": "^([01][0-9]|2[0-4]):[0-5][0-9]$", "examples": ["09:00"]},
                  "end": {"type": "string", "pattern": "^([01][0-9]|2[0-4]):[0-5][0-9]$", "examples": ["17:30"], "description": "Local time the interval ends (excluded); 24:00 is midnight."}
                },
                "additionalProperties": false
              },
              "BusinessHoursInput": {
                "type": "object",
                "required": ["name", "time_zone", "week"],
                "properties": {
                  "name": {"type": "string", "maxLength": 200},
                  "time_zone": {"type": "string", "description": "An IANA time zone, like Europe/Kyiv.", "examples": ["Europe/Kyiv"]},
                  "week": {
                    "type": "array", "minItems": 7, "maxItems": 7,
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/OpeningInterval"}},
                    "description": "Opening intervals for Monday … Sunday (local time); an empty list is a closed day."
                  },
                  "holidays": {"type": "array", "items": {"type": "string", "format": "date"}, "description": "Local dates closed all day."}
                },
                "additionalProperties": false
              },
              "BusinessHours": {
                "type": "object",
                "required": ["id", "name", "time_zone", "week", "holidays"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "time_zone": {"type": "string"},
                  "week": {"type": "array", "items": {"type": "array", "items": {"$ref": "#/components/schemas/OpeningInterval"}}},
                  "holidays": {"type": "array", "items": {"type": "string", "format": "date"}}
                },
                "additionalProperties": false
              },
              "BusinessHoursPage": {
                "type": "object",
                "required": ["items"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/BusinessHours"}},
                  "next_cursor": {"type": ["string", "null"]}
                }
              },
              "SLAMetric": {
                "type": "string",
                "enum": ["first_response", "next_response", "resolution"],
                "description": "first_response: until the first public staff reply; next_response: from a customer's message to the answer; resolution: until solved."
              },
              "SLATargets": {
                "type": "object",
                "description": "Business minutes per metric; a metric left out is not measured.",
                "properties": {
                  "first_response": {"type": "integer", "minimum": 1, "maximum": 525600},
                  "next_response": {"type": "integer", "minimum": 1, "maximum": 525600},
                  "resolution": {"type": "integer", "minimum": 1, "maximum": 525600}
                },
                "additionalProperties": false
              },
              "SLAConditions": {
                "type": "object",
                "description": "Which tickets the policy covers: each list is any-of, lists combine with and; a list left out matches all.",
                "properties": {
                  "priority": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/TicketPriority"}},
                  "type": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/TicketType"}},
                  "tier": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": ["standard", "vip", "key_account"]}},
                  "channel": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/ChannelKind"}},
                  "team": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Id"}}
                },
                "additionalProperties": false
              },
              "SLAEscalation": {
                "type": "object",
                "required": ["when", "actions"],
                "properties": {
                  "metric": {"$ref": "#/components/schemas/SLAMetric", "description": "Left out: every metric of the policy."},
                  "when": {"type": "string", "enum": ["at_risk", "breached"]},
                  "minutes_before": {"type": "integer", "minimum": 1, "description": "For at_risk: this many minutes before the due time."},
                  "actions": {
                    "type": "array", "minItems": 1,
                    "items": {"type": "string", "enum": ["notify_assignee", "notify_supervisor", "raise_priority", "next_tier", "move_to_team"]}
                  },
                  "team_id": {"$ref": "#/components/schemas/Id", "description": "The team for move_to_team."},
                  "id": {"type": "integer", "readOnly": true, "description": "Given by the server and kept while the escalation stays the same, so tickets remember which escalations fired."}
                },
                "additionalProperties": false
              },
              "SLAPolicyInput": {
                "type": "object",
                "required": ["name", "targets"],
                "properties": {
                  "name": {"type": "string", "maxLength": 200},
                  "position": {"type": "integer", "description": "Policies are tried in ascending position."},
                  "active": {"type": "boolean"},
                  "calendar_id": {"$ref": "#/components/schemas/Id", "description": "Business hours to count in; left out: every hour."},
                  "conditions": {"$ref": "#/components/schemas/SLAConditions"},
                  "targets": {"$ref": "#/components/schemas/SLATargets"},
                  "pause_on": {"type": "array", "items": {"type": "string", "enum": ["pending", "on_hold"]}, "description": "Statuses during which the clocks stop."},
                  "escalations": {"type": "array", "items": {"$ref": "#/components/schemas/SLAEscalation"}}
                },
                "additionalProperties": false
              },
              "SLAPolicy": {
                "type": "object",
                "required": ["id", "name", "position", "active", "conditions", "targets", "pause_on", "escalations"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "position": {"type": "integer"},
                  "active": {"type": "boolean"},
                  "calendar_id": {"$ref": "#/components/schemas/Id"},
                  "conditions": {"$ref": "#/components/schemas/SLAConditions"},
                  "targets": {"$ref": "#/components/schemas/SLATargets"},
                  "pause_on": {"type": "array", "items": {"$ref": "#/components/schemas/TicketStatus"}},
                  "escalations": {"type": "array", "items": {"$ref": "#/components/schemas/SLAEscalation"}}
                },
                "additionalProperties": false
              },
              "SLAPolicyPage": {
                "type": "object",
                "required": ["items"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/SLAPolicy"}},
                  "next_cursor": {"type": ["string", "null"]}
                }
              },
              "SLAClock": {
                "type": "object",
                "description": "One target running on a ticket.",
                "required": ["metric", "stage", "target_minutes", "started_at", "paused_seconds", "escalated"],
                "properties": {
                  "metric": {"$ref": "#/components/schemas/SLAMetric"},
                  "stage": {"type": "string", "enum": ["active", "paused", "fulfilled"]},
                  "target_minutes": {"type": "integer"},
                  "started_at": {"$ref": "#/components/schemas/Timestamp"},
                  "paused_seconds": {"type": "number", "description": "Business seconds the clock stood still so far."},
                  "paused_at": {"oneOf": [{"$ref": "#/components/schemas/Timestamp"}, {"type": "null"}]},
                  "due_at": {"oneOf": [{"$ref": "#/components/schemas/Timestamp"}, {"type": "null"}]},
                  "fulfilled_at": {"oneOf": [{"$ref": "#/components/schemas/Timestamp"}, {"type": "null"}]},
                  "breached_at": {"oneOf": [{"$ref": "#/components/schemas/Timestamp"}, {"type": "null"}], "description": "When the target was missed (its due time)."},
                  "escalated": {"type": "array", "items": {"type": "integer"}, "description": "The policy's escalations (by index) that fired for this clock."}
                },
                "additionalProperties": false
              },
              "TicketSLA": {
                "type": "object",
                "description": "The SLA policy covering a ticket and its clocks.",
                "required": ["policy_id", "clocks"],
                "properties": {
                  "policy_id": {"$ref": "#/components/schemas/Id"},
                  "due_at": {"oneOf": [{"$ref": "#/components/schemas/Timestamp"}, {"type": "null"}], "description": "The earliest due time of a running clock."},
                  "clocks": {"type": "array", "items": {"$ref": "#/components/schemas/SLAClock"}}
                },
                "additionalProperties": false
              },
              "EscalationTiers": {
                "type": "object",
                "required": ["tier_teams"],
                "properties": {
                  "tier_teams": {
                    "type": "array", "minItems": 2, "maxItems": 2,
                    "items": {"oneOf": [{"$ref": "#/components/schemas/Id"}, {"type": "null"}]},
                    "description": "The team of tier 2 (senior agents) and of tier 3 (support engineers); null where none."
                  }
                },
                "additionalProperties": false
              },
"""#
}
