/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let json = """
        {"openapi": "3.1.0", "info": {"title": "Switchboard API", "version": "1"}, "paths": {}}
        """
}
