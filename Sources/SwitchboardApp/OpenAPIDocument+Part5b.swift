// Part 5b of the OpenAPI document (see OpenAPIDocument.swift): request bodies for people,
// views, tokens and fields, and the shared parameters.
extension OpenAPIDocument {
    static let part5b = #"""
              "CreateUserRequest": {
                "type": "object",
                "description": "A new staff account. Without a password, the account cannot sign in until one is set.",
                "required": ["email", "name", "role"],
                "properties": {
                  "email": {
                    "type": "string",
                    "minLength": 3,
                    "maxLength": 254,
                    "description": "An email address; trimmed and lower-cased."
                  },
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "job_title": {"type": "string", "maxLength": 120, "description": "Empty clears it."},
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "time_zone": {
                    "type": "string",
                    "maxLength": 64,
                    "description": "An IANA time zone such as Europe/Kyiv; empty clears it (pages then use the browser's zone)."
                  },
                  "role": {"$ref": "#/components/schemas/Role"},
                  "password": {"type": "string", "minLength": 10, "maxLength": 200},
                  "team_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "send_invite": {
                    "type": "boolean",
                    "description": "Mail the new member a link (valid 7 days) to choose their password; only without a password."
                  }
                },
                "additionalProperties": false
              },
              "UpdateUserRequest": {
                "type": "object",
                "description": "A partial user update. Users may change their own name, job title, locale and password; email, role, teams and active need an admin or manager.",
                "properties": {
                  "email": {
                    "type": "string",
                    "minLength": 3,
                    "maxLength": 254,
                    "description": "An email address; trimmed and lower-cased."
                  },
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "job_title": {"type": "string", "maxLength": 120, "description": "Empty clears it."},
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "time_zone": {
                    "type": "string",
                    "maxLength": 64,
                    "description": "An IANA time zone such as Europe/Kyiv; empty clears it (pages then use the browser's zone)."
                  },
                  "role": {"$ref": "#/components/schemas/Role"},
                  "password": {"type": "string", "minLength": 10, "maxLength": 200},
                  "team_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "active": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "CreateTeamRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100},
                  "description": {"type": "string", "maxLength": 1000},
                  "member_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "assignment": {"$ref": "#/components/schemas/AssignmentStrategy"},
                  "reassign_when_offline": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "UpdateTeamRequest": {
                "type": "object",
                "description": "A partial team update.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100},
                  "description": {"type": "string", "maxLength": 1000, "description": "Empty clears it."},
                  "member_ids": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Id"},
                    "description": "Replaces the members."
                  },
                  "assignment": {"$ref": "#/components/schemas/AssignmentStrategy"},
                  "reassign_when_offline": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "CreateContactRequest": {
                "type": "object",
                "description": "A new customer.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "emails": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 3,
                      "maxLength": 254,
                      "description": "An email address; trimmed and lower-cased."
                    },
                    "maxItems": 20,
                    "uniqueItems": true
                  },
                  "phones": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "maxLength": 40,
                      "description": "An international number (+380 44 123 45 67 or 00…); stored in E.164 form."
                    },
                    "maxItems": 20
                  },
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "organization_id": {"$ref": "#/components/schemas/Id"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "UpdateContactRequest": {
                "type": "object",
                "description": "A partial contact update: fields left out keep their values.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "emails": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 3,
                      "maxLength": 254,
                      "description": "An email address; trimmed and lower-cased."
                    },
                    "maxItems": 20,
                    "uniqueItems": true
                  },
                  "phones": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "maxLength": 40,
                      "description": "An international number (+380 44 123 45 67 or 00…); stored in E.164 form."
                    },
                    "maxItems": 20
                  },
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "organization_id": {"$ref": "#/components/schemas/Id"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "MergeContactRequest": {
                "type": "object",
                "required": ["source_id"],
                "properties": {
                  "source_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The contact to merge into the one in the path; its emails, phones and tickets move."
                  }
                },
                "additionalProperties": false
              },
              "CreateOrganizationRequest": {
                "type": "object",
                "description": "A new organization.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "domains": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 253},
                    "maxItems": 50
                  },
                  "tier": {"$ref": "#/components/schemas/OrganizationTier", "description": "Default standard."},
                  "account_owner_id": {"$ref": "#/components/schemas/Id"},
                  "notes": {"type": "string", "maxLength": 10000},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "UpdateOrganizationRequest": {
                "type": "object",
                "description": "A partial organization update: fields left out keep their values.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "domains": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 253},
                    "maxItems": 50
                  },
                  "tier": {"$ref": "#/components/schemas/OrganizationTier", "description": "Default standard."},
                  "account_owner_id": {"$ref": "#/components/schemas/Id"},
                  "notes": {"type": "string", "maxLength": 10000},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "CreateViewRequest": {
                "type": "object",
                "description": "A new saved view.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 120},
                  "shared": {
                    "type": "boolean",
                    "description": "Shared views need the manage-shared-views permission. Default false."
                  },
                  "filter": {"$ref": "#/components/schemas/TicketFilter"},
                  "sort": {"$ref": "#/components/schemas/TicketSort", "description": "Default -updated_at."}
                },
                "additionalProperties": false
              },
              "UpdateViewRequest": {
                "type": "object",
                "description": "A partial view update; filter replaces the whole filter.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 120},
                  "shared": {
                    "type": "boolean",
                    "description": "Shared views need the manage-shared-views permission. Default false."
                  },
                  "filter": {"$ref": "#/components/schemas/TicketFilter"},
                  "sort": {"$ref": "#/components/schemas/TicketSort", "description": "Default -updated_at."}
                },
                "additionalProperties": false
              },
              "TokenRequest": {
                "type": "object",
                "description": "A new API token for the signed-in user.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Default \"API token\"."}
                },
                "additionalProperties": false
              },
              "SignInRequest": {
                "type": "object",
                "required": ["email", "password"],
                "properties": {"email": {"type": "string"}, "password": {"type": "string"}},
                "additionalProperties": false
              },
              "CustomFieldRequest": {
                "type": "object",
                "description": "A new custom ticket field.",
                "required": ["key", "label", "kind"],
                "properties": {
                  "key": {
                    "type": "string",
                    "pattern": "^[a-z][a-z0-9_]{0,63}$",
                    "description": "The stable machine name used in custom_fields."
                  },
                  "label": {"type": "string", "minLength": 1, "maxLength": 120},
                  "kind": {"$ref": "#/components/schemas/CustomFieldKind"},
                  "options": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 120},
                    "uniqueItems": true,
                    "description": "Required for dropdown fields, not allowed for others."
                  },
                  "required": {"type": "boolean", "description": "Default false."}
                },
                "additionalProperties": false
              }
            },
            "parameters": {
              "Limit": {
                "name": "limit",
                "in": "query",
                "description": "Page size.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}
              },
              "IdCursor": {
                "name": "cursor",
                "in": "query",
                "description": "The next_cursor of the previous page.",
                "schema": {"type": "string", "pattern": "^[0-9]+$"}
              },
              "IdempotencyKey": {
                "name": "Idempotency-Key",
                "in": "header",
                "description": "Makes the create safe to retry: a repeat with the same key returns the first response (with Idempotent-Replayed: true) instead of creating again. 1–255 visible ASCII characters, unique per user. The same key sent with another request body gets 422.",
                "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}
              },
              "TicketId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The ticket's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "UserId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The user's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "TeamId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The team's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "ContactId": {
                "name": "id",
        """#
}
