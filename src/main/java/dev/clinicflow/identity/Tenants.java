package dev.clinicflow.identity;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface Tenants extends CrudRepository<Tenant, UUID> {

}
