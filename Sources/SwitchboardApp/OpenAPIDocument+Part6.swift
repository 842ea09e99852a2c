// Part 6 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part6 = #"""
                "in": "path",
                "required": true,
                "description": "The contact's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "OrganizationId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The organization's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "ViewId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "A saved view's id (built-in views are not addressable here).",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "TokenId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The token's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              }
            },
            "responses": {
              "Unauthorized": {
                "description": "Not signed in, or the API token is not valid or was revoked.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "Forbidden": {
                "description": "The role may not do this, or a browser session sent an unsafe request without the right X-CSRF-Token header.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "NotFound": {
                "description": "The record (or a record the body names, see field) does not exist.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "Conflict": {
                "description": "Conflicts with the current state: a duplicate (see field) or a stale version.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "PayloadTooLarge": {
                "description": "The request body is larger than the limit (1 MiB by default).",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "UnprocessableContent": {
                "description": "The body is not valid JSON, a field is missing, has the wrong type or an unknown value, fails validation, or a query parameter or header is invalid; field names it.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "TooManyRequests": {
                "description": "Too many failed sign-ins for this account or address; try again later.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                "headers": {
                  "Retry-After": {
                    "description": "Seconds to wait.",
                    "required": true,
                    "schema": {"type": "integer", "minimum": 0}
                  }
                }
              },
              "NoContent": {"description": "Done; no body."}
            },
            "headers": {
              "IdempotentReplayed": {
                "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                "schema": {"type": "string", "enum": ["true"]}
              }
            },
            "securitySchemes": {
              "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API token: Authorization: Bearer sb_…."},
              "sessionCookie": {
                "type": "apiKey",
                "in": "cookie",
                "name": "sb_session",
                "description": "The browser session cookie set by POST /api/v1/session."
              },
              "csrfToken": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRF-Token",
                "description": "The csrf_token of the session; required with the session cookie on POST, PUT, PATCH and DELETE."
              }
            }
          }
        }
        """#
}
