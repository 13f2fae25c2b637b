package kz.aifc.expat.document.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service: the document checklist of a service for an applicant profile on a date. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/services")
public interface CatalogClient {

    @GET
    @Path("/{code}/checklist")
    @Produces(MediaType.APPLICATION_JSON)
    CatalogChecklist checklist(@PathParam("code") String serviceCode, @QueryParam("legalForm") String legalForm,
                               @QueryParam("applicantType") String applicantType,
                               @QueryParam("visaCategory") String visaCategory,
                               @QueryParam("childAge") Integer childAge, @QueryParam("entity") String entity,
                               @QueryParam("asOf") String asOf);
}
