# Account and ApiToken now belong to the accounts app (accounts 0001 takes them into its state,
# accounts 0002 renames their tables); here they leave the organization app's state only, so
# no table or row is touched.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('organization', '0002_regional_head'),
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Account'),
                migrations.DeleteModel(name='ApiToken'),
            ],
            database_operations=[],
        ),
    ]
