# The moved tables take the accounts app's names; their rows stay as they are.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='account', table=None),
        migrations.AlterModelTable(name='apitoken', table=None),
    ]
