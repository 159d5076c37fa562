# Account and ApiToken move from `organization` to `accounts` with their tables and rows: the
# tables organization_account and organization_apitoken already exist (organization 0001), so
# this migration only adds the models to the accounts app's state; 0002 renames the tables.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organization', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Account',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('role', models.CharField(choices=[('BKPSDM_ADMIN', 'Operator BKPSDM'), ('EMPLOYEE', 'Pegawai')], max_length=20)),
                        ('government', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='accounts', to='organization.government')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='account', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'abstract': False,
                        'db_table': 'organization_account',
                    },
                ),
                migrations.CreateModel(
                    name='ApiToken',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('token_hash', models.CharField(max_length=64, unique=True)),
                        ('prefix', models.CharField(max_length=8)),
                        ('label', models.CharField(blank=True, max_length=100)),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'abstract': False,
                        'db_table': 'organization_apitoken',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
