package dev.clinicflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP client for API tests: JSON in, status, headers and JSON out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(String base) {
		this.base = base;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call patch(String path) {
		return new Call("PATCH", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	public Call request(String method, String path) {
		return new Call(method, path);
	}

	/**
	 * Registers a new tenant with a unique slug and e-mail and returns its admin session.
	 * @return the session
	 */
	public Session registerTenant() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Response response = post("/api/v1/auth/register")
			.json(Map.of("tenantName", "Clínica " + unique, "tenantSlug", "clinic-" + unique, "name", "Admin " + unique,
					"email", "admin-" + unique + "@clinic.test", "password", "correct-horse-" + unique))
			.send();
		if (response.status() != 201) {
			throw new IllegalStateException("registration failed: " + response);
		}
		return new Session(response.json(), "correct-horse-" + unique);
	}

	/**
	 * Creates a user with a temporary password in the admin's tenant and logs them in.
	 * @param admin the admin session
	 * @param role the role
	 * @return the user's session
	 */
	public Session createUser(Session admin, String role) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String email = role.toLowerCase() + "-" + unique + "@clinic.test";
		String password = "temporary-" + unique;
		Response created = post("/api/v1/users").bearer(admin.accessToken())
			.json(Map.of("email", email, "name", role + " " + unique, "role", role, "temporaryPassword", password))
			.send();
		if (created.status() != 201) {
			throw new IllegalStateException("user creation failed: " + created);
		}
		Response login = post("/api/v1/auth/login").json(Map.of("email", email, "password", password)).send();
		if (login.status() != 200) {
			throw new IllegalStateException("login failed: " + login);
		}
		return new Session(login.json(), password);
	}

	public static String toJson(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A logged-in user. */
	public record Session(JsonNode body, String password) {

		public String accessToken() {
			return this.body.get("accessToken").asString();
		}

		public String refreshToken() {
			return this.body.get("refreshToken").asString();
		}

		public UUID userId() {
			return UUID.fromString(this.body.get("user").get("id").asString());
		}

		public String email() {
			return this.body.get("user").get("email").asString();
		}

		public UUID tenantId() {
			return UUID.fromString(this.body.get("tenant").get("id").asString());
		}

		public String tenantSlug() {
			return this.body.get("tenant").get("slug").asString();
		}

	}

	/** One request being built. */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private BodyPublisher body = BodyPublishers.noBody();

		Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Call json(Object value) {
			return raw("application/json", (value instanceof String text) ? text : toJson(value));
		}

		public Call raw(String contentType, String text) {
			header("Content-Type", contentType);
			this.body = BodyPublishers.ofString(text, StandardCharsets.UTF_8);
			return this;
		}

		public Call bytes(String contentType, byte[] bytes) {
			header("Content-Type", contentType);
			this.body = BodyPublishers.ofByteArray(bytes);
			return this;
		}

		public Call multipartFile(String field, String filename, String partType, byte[] content) {
			String boundary = "----clinicflow" + UUID.randomUUID();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + partType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] all = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(content, 0, all, head.length, content.length);
			System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
			return bytes("multipart/form-data; boundary=" + boundary, all);
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.this.base + this.path))
				.method(this.method, this.body);
			this.headers.forEach(request::header);
			try {
				HttpResponse<byte[]> response = Api.this.http.send(request.build(), BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** A received response. */
	public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		/** The problem {@code code}, for error responses. */
		public String code() {
			return json().path("code").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
