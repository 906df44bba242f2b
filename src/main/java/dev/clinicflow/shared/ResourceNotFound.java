package dev.clinicflow.shared;

/**
 * The addressed resource does not exist for the caller's tenant. Another tenant's id gets
 * this same answer, so ids never reveal what other clinics hold.
 */
public class ResourceNotFound extends RuntimeException {

	private final String resource;

	ResourceNotFound(String resource, Object id) {
		super(resource + " " + id + " was not found");
		this.resource = resource;
	}

	/**
	 * Builds the exception.
	 * @param resource what was looked for, such as {@code user}
	 * @param id the id asked for
	 * @return the exception
	 */
	public static ResourceNotFound of(String resource, Object id) {
		return new ResourceNotFound(resource, id);
	}

	/**
	 * Returns what was looked for.
	 * @return the resource kind
	 */
	public String resource() {
		return this.resource;
	}

}
